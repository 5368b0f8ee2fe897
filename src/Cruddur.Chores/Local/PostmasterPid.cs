namespace Cruddur.Chores.Local;

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

    /// <summary>The port the running server listens on (the file's fourth line), which cluster.json may have lost.</summary>
    public static int? Port(string dataDirectory) => IsServerRunning(dataDirectory) ? ReadLine(dataDirectory, 3) : null;

    static int? ReadPid(string dataDirectory) => ReadLine(dataDirectory, 0);

    static int? ReadLine(string dataDirectory, int index)
    {
        var file = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(file)) return null;
        var line = File.ReadLines(file).Skip(index).FirstOrDefault();
        return int.TryParse(line, out var value) ? value : null;
    }

    static bool IsPostgres(int pid)
    {
        var comm = $"/proc/{pid}/comm";
        return File.Exists(comm) && File.ReadAllText(comm).Trim() is "postgres" or "postmaster";
    }
}
