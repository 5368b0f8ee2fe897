using Cruddur.Data;

namespace Cruddur.Chores.Local;

/// <summary>
/// Finds the PostgreSQL programs (initdb, pg_ctl, psql, pg_dump, pg_restore) that Debian installs under
/// /usr/lib/postgresql, else the folder <c>CRUDDUR_PG_BIN</c> names, else PATH, as the caller's variables say.
/// </summary>
public sealed class PostgresBinaries
{
    public const string ConfiguredVariable = "CRUDDUR_PG_BIN";
    readonly string? _configured;
    readonly string[] _path;
    readonly Lazy<string> _directory;

    PostgresBinaries(string? configured, string[] path)
    {
        (_configured, _path) = (configured, path);
        _directory = new(FindDirectory); // looked up once, not on every pg_ctl call
    }

    /// <summary>Debian's folders only: for a caller that has no variables to go by.</summary>
    public static PostgresBinaries Installed { get; } = new(null, []);

    public static PostgresBinaries From(Func<string, string?> variable) => new(
        variable(ConfiguredVariable) is { Length: > 0 } configured ? configured : null,
        (variable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A server program (initdb, pg_ctl, postgres, pg_basebackup) from <see cref="Directory"/>.</summary>
    public string Server(string program) => Path.Combine(Directory(), program);

    /// <summary>The server programs' folder: the configured one, else the newest installed major's, else PATH's.</summary>
    public string Directory() => _directory.Value;

    string FindDirectory()
    {
        if (_configured is { } configured) return Require(configured, "initdb");
        var newest = InstalledPrograms("initdb").Select(i => Path.GetDirectoryName(i.Path)!).FirstOrDefault();
        return newest ?? FromPath() ?? throw new CruddurException(
            $"PostgreSQL server binaries not found (install them: apt-get install postgresql, or set {ConfiguredVariable})");
    }

    /// <summary>
    /// A client program for a server of major version <paramref name="serverMajor"/>. pg_dump refuses a newer
    /// server and pg_restore a newer archive, so the same major comes first, then the newest newer one,
    /// then the program on PATH (Debian's wrapper picks its own).
    /// </summary>
    public string Client(string program, int serverMajor)
    {
        if (_configured is { } configured) return Path.Combine(Require(configured, program), program);
        var installed = InstalledPrograms(program).ToList();
        var match = installed.FirstOrDefault(i => i.Major == serverMajor) ?? installed.FirstOrDefault(i => i.Major > serverMajor);
        if (match is not null) return match.Path;
        return OnPath(program) ?? throw new CruddurException(
            $"{program} not found (install it: apt-get install postgresql-client-{serverMajor}, or set {ConfiguredVariable})");
    }

    sealed record Program(int Major, string Path);

    // Newest major first.
    static IEnumerable<Program> InstalledPrograms(string program)
    {
        var debian = new DirectoryInfo("/usr/lib/postgresql");
        if (!debian.Exists) return [];
        return debian.GetDirectories()
            .Select(d => new Program(int.TryParse(d.Name, out var major) ? major : 0, Path.Combine(d.FullName, "bin", program)))
            .Where(p => File.Exists(p.Path))
            .OrderByDescending(p => p.Major);
    }

    static string Require(string directory, string program) =>
        File.Exists(Path.Combine(directory, program))
            ? directory
            : throw new CruddurException($"{ConfiguredVariable}={directory} has no {program}");

    string? FromPath() =>
        _path.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));

    string? OnPath(string program) => _path.Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
