namespace Cruddur.Chores.Local;

/// <summary>pg_ctl for every server of a local cluster, primary or standby, run as the server user.</summary>
sealed class ServerControl(PostgresBinaries binaries)
{
    string Program => binaries.Server("pg_ctl");

    /// <summary>Starts the server unless it runs; returns its port, a new free one when the old one was taken.</summary>
    public async Task<int> StartAsync(string data, int port, string log, CancellationToken ct)
    {
        if (PostmasterPid.IsServerRunning(data)) return port;
        PostmasterPid.RemoveIfStale(data);
        if (!FreePort.IsFree(port)) port = FreePort.Find();
        await ServerUser.RunAsync(Program, ["start", "-D", data, "-l", log, "-w", "-t", "60", "-o", $"-p {port}"], ct);
        return port;
    }

    /// <summary>Stops a running server: fast (sessions ended, WAL sent to standbys) or immediate (as a crash would).</summary>
    public async Task StopAsync(string data, CancellationToken ct, bool immediate = false)
    {
        if (!PostmasterPid.IsServerRunning(data)) return;
        await ServerUser.RunAsync(Program, ["stop", "-D", data, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60"], ct);
    }

    /// <summary>Ends recovery on a standby: it becomes a primary that accepts writes.</summary>
    public Task PromoteAsync(string data, CancellationToken ct) =>
        ServerUser.RunAsync(Program, ["promote", "-D", data, "-w", "-t", "60"], ct);

    /// <summary>Makes a running server reread its configuration files.</summary>
    public async Task ReloadAsync(string data, CancellationToken ct)
    {
        if (PostmasterPid.IsServerRunning(data)) await ServerUser.RunAsync(Program, ["reload", "-D", data], ct);
    }
}
