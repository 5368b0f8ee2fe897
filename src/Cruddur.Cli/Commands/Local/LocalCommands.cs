using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Local;

/// <summary>The embedded PostgreSQL under .cruddur/ (or CRUDDUR_HOME): start, stop, status, destroy.</summary>
public static class LocalCommands
{
    public static Command Build()
    {
        var replicas = new Option<int?>("--replicas") { Description = "Run exactly N hot standbys of the primary, streaming (0 removes them)" };
        var sync = new Option<bool>("--sync") { Description = "Synchronous replication: a commit returns once a standby has it too (as RDS Multi-AZ)" };
        var start = new Command("start", "Create the local cluster if needed and start every server (harmless when running)") { replicas, sync };
        CommandAction.Set(start, async (result, ct) =>
        {
            if (result.GetValue(replicas) is { } count) await ReplicateAsync(count, result.GetValue(sync), ct);
            else if (result.GetValue(sync)) throw new CruddurException("--sync needs --replicas N");
            else await StartAsync(ct);
        });

        var stop = new Command("stop", "Stop the local cluster (fast shutdown)");
        CommandAction.Set(stop, async (_, ct) =>
        {
            Terminal.Console.Banner("local stop");
            await Targets.Cluster().StopAsync(ct);
            Terminal.Console.Line("Stopped");
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

        return new Command("local", "The embedded local PostgreSQL cluster") { start, stop, StatusCommand.Build(), PromoteCommand.Build(), destroy };
    }

    static async Task ReplicateAsync(int count, bool synchronous, CancellationToken ct)
    {
        Terminal.Console.Banner("local start");
        var settings = await Targets.Cluster().ReplicateAsync(count, synchronous, ct);
        Terminal.Console.Line($"Running: {Redact.Url(settings)}");
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
