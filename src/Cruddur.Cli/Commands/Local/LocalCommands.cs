using System.CommandLine;
using System.Text.Json;
using Cruddur.Cli.Output;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Local;

/// <summary>The embedded PostgreSQL under .cruddur/ (or CRUDDUR_HOME): start, stop, status, destroy.</summary>
public static class LocalCommands
{
    public static Command Build()
    {
        var start = new Command("start", "Create the local cluster if needed and start it (harmless when running)");
        CommandAction.Set(start, async (_, ct) =>
        {
            Terminal.Console.Banner("local start");
            var settings = await Targets.Cluster().StartAsync(ct);
            Terminal.Console.Line($"Running: {Redact.Url(settings)}");
        });

        var stop = new Command("stop", "Stop the local cluster (fast shutdown)");
        CommandAction.Set(stop, async (_, ct) =>
        {
            Terminal.Console.Banner("local stop");
            await Targets.Cluster().StopAsync(ct);
            Terminal.Console.Line("Stopped");
        });

        var status = new Command("status", "Is the local cluster created and running, and where (exit 3 when stopped)") { CommonOptions.Json };
        CommandAction.Set(status, (result, _) =>
        {
            var cluster = Targets.Cluster();
            var state = cluster.Status();
            var url = cluster.ConnectionIfInitialized() is { } settings ? Redact.Url(settings) : null;
            if (result.GetValue(CommonOptions.Json))
            {
                Terminal.Console.Line(JsonSerializer.Serialize(new { url, state.Initialized, state.Running, state.Port, state.DataDirectory }, JsonOutput.Options));
                return Task.FromResult(state.Running ? 0 : 3);
            }
            Terminal.Console.Line($"Cluster: {url ?? "not created (run: cruddur local start)"}");
            Terminal.Console.Line($"Data: {state.DataDirectory}");
            Terminal.Console.Line($"State: {(state.Running ? "running" : "stopped")}");
            return Task.FromResult(state.Running ? 0 : 3);
        });

        var destroy = new Command("destroy", "Stop the local cluster and delete its files and data");
        CommandAction.Set(destroy, async (_, ct) =>
        {
            Terminal.Console.Banner("local destroy");
            await Targets.Cluster().DestroyAsync(ct);
            Terminal.Console.Line("Destroyed");
        });

        return new Command("local", "The embedded local PostgreSQL cluster") { start, stop, status, destroy };
    }
}
