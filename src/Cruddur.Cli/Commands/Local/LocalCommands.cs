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
        CommandAction.Set(start, async (_, ct) => await StartAsync(ct));

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

        var destroy = new Command("destroy", "Stop the local cluster and delete what cruddur made in CRUDDUR_HOME (its data included); other files stay");
        CommandAction.Set(destroy, async (_, ct) =>
        {
            Terminal.Console.Banner("local destroy");
            var cluster = Targets.Cluster();
            var removed = await cluster.DestroyAsync(ct);
            foreach (var path in removed) Terminal.Console.Line($"Removed: {path}");
            Terminal.Console.Line(removed.Count > 0 ? "Destroyed" : $"Nothing to destroy in {cluster.Home}");
        });

        return new Command("local", "The embedded local PostgreSQL cluster") { start, stop, status, destroy };
    }

    /// <summary>Starts the cluster (creating it on first use, which takes a while) with a spinner on a terminal.</summary>
    public static async Task StartAsync(CancellationToken ct)
    {
        Terminal.Console.Banner("local start");
        var cluster = Targets.Cluster();
        var settings = await Progress.RunAsync("Starting the local PostgreSQL (initdb on first use)", async report =>
        {
            cluster.Progress = report;
            return await cluster.StartAsync(ct);
        });
        cluster.Progress = Terminal.Console.Detail;
        Terminal.Console.Line($"Running: {Redact.Url(settings)}");
    }
}
