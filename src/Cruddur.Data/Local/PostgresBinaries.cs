namespace Cruddur.Data.Local;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl) that Debian installs under /usr/lib/postgresql.</summary>
public static class PostgresBinaries
{
    public static string Directory()
    {
        var configured = Environment.GetEnvironmentVariable("CRUDDUR_PG_BIN");
        if (!string.IsNullOrEmpty(configured)) return Require(configured);

        var debian = new DirectoryInfo("/usr/lib/postgresql");
        var newest = debian.Exists
            ? debian.GetDirectories()
                .Where(d => File.Exists(Path.Combine(d.FullName, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(d.Name, out var major) ? major : 0)
                .Select(d => Path.Combine(d.FullName, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? FromPath() ?? throw new CruddurException(
            "PostgreSQL server binaries not found (install them: apt-get install postgresql, or set CRUDDUR_PG_BIN)");
    }

    static string Require(string directory) =>
        File.Exists(Path.Combine(directory, "initdb"))
            ? directory
            : throw new CruddurException($"CRUDDUR_PG_BIN={directory} has no initdb");

    static string? FromPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
}
