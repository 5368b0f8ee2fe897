namespace Cruddur.Data.Local;

/// <summary>
/// Reads <c>postmaster.pid</c>. After a crash the file stays behind and its PID may belong to some
/// other process by now, which makes PostgreSQL refuse to start: such a file is stale and removed.
/// </summary>
static class PostmasterPid
{
    public static bool IsServerRunning(string dataDirectory)
    {
        var pid = ReadPid(dataDirectory);
        return pid is not null && IsPostgres(pid.Value);
    }

    public static void RemoveIfStale(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "postmaster.pid");
        if (File.Exists(file) && !IsServerRunning(dataDirectory)) File.Delete(file);
    }

    static int? ReadPid(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(file)) return null;
        var first = File.ReadLines(file).FirstOrDefault();
        return int.TryParse(first, out var pid) ? pid : null;
    }

    static bool IsPostgres(int pid)
    {
        var comm = $"/proc/{pid}/comm";
        return File.Exists(comm) && File.ReadAllText(comm).Trim() is "postgres" or "postmaster";
    }
}
