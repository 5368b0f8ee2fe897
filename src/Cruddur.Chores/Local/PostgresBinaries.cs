using Cruddur.Data;

namespace Cruddur.Chores.Local;

/// <summary>Finds the PostgreSQL programs (initdb, pg_ctl, psql, pg_dump, pg_restore) that Debian installs under /usr/lib/postgresql.</summary>
public static class PostgresBinaries
{
    const string ConfiguredVariable = "CRUDDUR_PG_BIN";

    public static string Directory()
    {
        if (Configured() is { } configured) return Require(configured, "initdb");
        var newest = Installed("initdb").Select(i => Path.GetDirectoryName(i.Path)!).FirstOrDefault();
        return newest ?? FromPath() ?? throw new CruddurException(
            "PostgreSQL server binaries not found (install them: apt-get install postgresql, or set CRUDDUR_PG_BIN)");
    }

    /// <summary>
    /// A client program for a server of major version <paramref name="serverMajor"/>. pg_dump refuses a newer
    /// server and pg_restore a newer archive, so the same major comes first, then the newest newer one,
    /// then the program on PATH (Debian's wrapper picks its own).
    /// </summary>
    public static string Client(string program, int serverMajor)
    {
        if (Configured() is { } configured) return Path.Combine(Require(configured, program), program);
        var installed = Installed(program).ToList();
        var match = installed.FirstOrDefault(i => i.Major == serverMajor) ?? installed.FirstOrDefault(i => i.Major > serverMajor);
        if (match is not null) return match.Path;
        return OnPath(program) ?? throw new CruddurException(
            $"{program} not found (install it: apt-get install postgresql-client-{serverMajor}, or set {ConfiguredVariable})");
    }

    sealed record Program(int Major, string Path);

    // Newest major first.
    static IEnumerable<Program> Installed(string program)
    {
        var debian = new DirectoryInfo("/usr/lib/postgresql");
        if (!debian.Exists) return [];
        return debian.GetDirectories()
            .Select(d => new Program(int.TryParse(d.Name, out var major) ? major : 0, Path.Combine(d.FullName, "bin", program)))
            .Where(p => File.Exists(p.Path))
            .OrderByDescending(p => p.Major);
    }

    static string? Configured() => Environment.GetEnvironmentVariable(ConfiguredVariable) is { Length: > 0 } value ? value : null;

    static string Require(string directory, string program) =>
        File.Exists(Path.Combine(directory, program))
            ? directory
            : throw new CruddurException($"{ConfiguredVariable}={directory} has no {program}");

    static string? FromPath() =>
        PathDirectories().FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));

    static string? OnPath(string program) => PathDirectories().Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    static string[] PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
}
