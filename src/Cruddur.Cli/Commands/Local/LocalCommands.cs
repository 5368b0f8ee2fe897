using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Local;

/// <summary>The embedded PostgreSQL under .cruddur/ (or CRUDDUR_HOME): start, stop, status, destroy.</summary>
public static class LocalCommands
{
    public static Command Build(CliContext cli)
    {
        var replicas = new Option<int?>("--replicas") { Description = "Run exactly N hot standbys of the primary, streaming (0 removes them)" };
        var sync = new Option<bool>("--sync") { Description = "Synchronous replication: a commit returns once a standby has it too (as RDS Multi-AZ)" };
        var start = new Command("start", "Create the local cluster if needed and start every server (harmless when running)") { replicas, sync };
        CommandAction.Set(cli, start, async (result, ct) =>
        {
            if (result.GetValue(replicas) is { } count) await ReplicateAsync(cli, count, result.GetValue(sync), ct);
            else if (result.GetValue(sync)) throw new CruddurException("--sync needs --replicas N");
            else await StartAsync(cli, ct);
        });

        var stop = new Command("stop", "Stop the local cluster (fast shutdown)");
        CommandAction.Set(cli, stop, async (_, ct) =>
        {
            cli.Terminal.Banner("local stop");
            await cli.Cluster.StopAsync(ct);
            cli.Terminal.Line("Stopped");
        });

        var destroy = new Command("destroy", "Stop the local cluster and delete what cruddur made in CRUDDUR_HOME (its data included); other files stay");
        CommandAction.Set(cli, destroy, async (_, ct) =>
        {
            cli.Terminal.Banner("local destroy");
            var cluster = cli.Cluster;
            var removed = await cluster.DestroyAsync(ct);
            foreach (var path in removed) cli.Terminal.Line($"Removed: {path}");
            cli.Terminal.Line(removed.Count > 0 ? "Destroyed" : $"Nothing to destroy in {cluster.Home}");
        });

        return new Command("local", "The embedded local PostgreSQL cluster") { start, stop, StatusCommand.Build(cli), PromoteCommand.Build(cli), destroy };
    }

    static async Task ReplicateAsync(CliContext cli, int count, bool synchronous, CancellationToken ct)
    {
        cli.Terminal.Banner("local start");
        var settings = await cli.Cluster.ReplicateAsync(count, synchronous, ct);
        cli.Terminal.Line($"Running: {Redact.Url(settings)}");
    }

    /// <summary>Starts the cluster (creating it on first use, which takes a while) with a spinner on a terminal.</summary>
    public static async Task StartAsync(CliContext cli, CancellationToken ct)
    {
        cli.Terminal.Banner("local start");
        var cluster = cli.Cluster;
        var settings = await Progress.RunAsync(cli.Terminal, "Starting the local PostgreSQL (initdb on first use)", async report =>
        {
            cluster.Progress = report;
            return await cluster.StartAsync(ct);
        });
        cluster.Progress = cli.Terminal.Detail;
        cli.Terminal.Line($"Running: {Redact.Url(settings)}");
    }
}
