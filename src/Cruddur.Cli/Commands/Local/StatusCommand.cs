using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Local;

/// <summary><c>cruddur local status</c>: where the cluster is, and each server's role, port and replay lag; exit 3 when stopped.</summary>
public static class StatusCommand
{
    public static Command Build()
    {
        var command = new Command("status", "Is the local cluster created and running, where, and each server's role, port and replay lag");
        CommandAction.Set(command, async (_, ct) =>
        {
            var cluster = Targets.Cluster();
            var state = cluster.Status();
            var where = cluster.ConnectionIfInitialized() is { } settings ? Redact.Url(settings) : "not created (run: cruddur local start)";
            Terminal.Console.Line($"Cluster: {where}");
            Terminal.Console.Line($"Data: {state.DataDirectory}");
            Terminal.Console.Line($"State: {(state.Running ? "running" : "stopped")}");
            var servers = await cluster.ServersAsync(ct);
            if (servers.Count > 1)
            {
                foreach (var server in servers)
                    Terminal.Console.Line($"Server: {server.Name,-9} 127.0.0.1:{server.Port,-6} {(server.Running ? server.Status!.Describe() : "stopped")}");
            }
            return state.Running ? 0 : 3;
        });
        return command;
    }
}
