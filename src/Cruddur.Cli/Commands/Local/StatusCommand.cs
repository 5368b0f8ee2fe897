using System.CommandLine;
using System.Text.Json;
using Cruddur.Cli.Output;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Local;

/// <summary><c>cruddur local status</c>: where the cluster is, and each server's role, port and replay lag; exit 3 when stopped.</summary>
public static class StatusCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("status", "Is the local cluster created and running, where, and each server's role, port and replay lag (exit 3 when stopped)")
        {
            cli.Options.Json,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var cluster = cli.Cluster;
            var state = cluster.Status();
            var url = cluster.ConnectionIfInitialized() is { } settings ? Redact.Url(settings) : null;
            var servers = (await cluster.ServersAsync(ct)).Select(s => new
            {
                s.Name, s.Port, s.Running,
                Role = s.Running ? s.Status!.Role.ToString().ToLowerInvariant() : "stopped",
                s.Status?.LagBytes,
                Text = s.Running ? s.Status!.Describe() : "stopped",
            }).ToList();
            if (result.GetValue(cli.Options.Json))
            {
                var report = new { url, state.Initialized, state.Running, state.Port, state.DataDirectory, Servers = servers.Select(s => new { s.Name, s.Port, s.Role, s.LagBytes }) };
                cli.Terminal.Line(JsonSerializer.Serialize(report, JsonOutput.Options));
                return state.Running ? 0 : 3;
            }
            cli.Terminal.Line($"Cluster: {url ?? "not created (run: cruddur local start)"}");
            cli.Terminal.Line($"Data: {state.DataDirectory}");
            cli.Terminal.Line($"State: {(state.Running ? "running" : "stopped")}");
            if (servers.Count > 1)
                foreach (var server in servers) cli.Terminal.Line($"Server: {server.Name,-9} 127.0.0.1:{server.Port,-6} {server.Text}");
            return state.Running ? 0 : 3;
        });
        return command;
    }
}
