using System.Collections.Concurrent;
using System.Reflection;

namespace Cruddur.Data;

/// <summary>Loads the embedded <c>.sql</c> files: one query per file, named for what it does.</summary>
public static class SqlFile
{
    static readonly ConcurrentDictionary<(Assembly, string), string> Cache = new();

    /// <summary>Loads <paramref name="path"/> (e.g. <c>Admin/Sessions.sql</c>) from the assembly's embedded resources.</summary>
    public static string Load(string path, Assembly assembly) =>
        Cache.GetOrAdd((assembly, path), key => Read(key.Item1, key.Item2));

    /// <summary>
    /// Fills a <c>{name}</c> slot with a database or role name, which PostgreSQL cannot take as a
    /// parameter: the name is validated and quoted, never pasted as given.
    /// </summary>
    public static string WithIdentifier(string sql, string slot, string identifier) =>
        sql.Replace("{" + slot + "}", Identifier.Quote(identifier), StringComparison.Ordinal);

    static string Read(Assembly assembly, string path)
    {
        var suffix = "." + path.Replace('/', '.');
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"SQL file {path} is not embedded in {assembly.GetName().Name}");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
