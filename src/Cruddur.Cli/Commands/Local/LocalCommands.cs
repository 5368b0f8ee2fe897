using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Local;

/// <summary>The embedded PostgreSQL under .cruddur/ (or CRUDDUR_HOME): start, stop, status, promote, destroy.</summary>
public static class LocalCommands
{
    public static Command Build()
    {
        var replicas = new Option<int?>("--replicas") { Description = "Run exactly N hot standbys of the primary, streaming (0 removes them)" };
        var sync = new Option<bool>("--sync") { Description = "Synchronous replication: a commit returns once a standby has it too (as RDS Multi-AZ)" };
        var start = new Command("start", "Create the local cluster if needed and start every server (harmless when running)") { replicas, sync };
        CommandAction.Set(start, async (result, ct) =>
        {
            Terminal.Console.Banner("local start");
            var cluster = Targets.Cluster();
            var settings = result.GetValue(replicas) is { } count
                ? await cluster.ReplicateAsync(count, result.GetValue(sync), ct)
                : result.GetValue(sync) ? throw new CruddurException("--sync needs --replicas N") : await cluster.StartAsync(ct);
            Terminal.Console.Line($"Running: {Redact.Url(settings)}");
        });

        var stop = new Command("stop", "Stop the local cluster (fast shutdown)");
        CommandAction.Set(stop, async (_, ct) =>
        {
            Terminal.Console.Banner("local stop");
            await Targets.Cluster().StopAsync(ct);
            Terminal.Console.Line("Stopped");
        });

        var destroy = new Command("destroy", "Stop the local cluster and delete its files and data");
        CommandAction.Set(destroy, async (_, ct) =>
        {
            Terminal.Console.Banner("local destroy");
            await Targets.Cluster().DestroyAsync(ct);
            Terminal.Console.Line("Destroyed");
        });

        return new Command("local", "The embedded local PostgreSQL cluster") { start, stop, StatusCommand.Build(), PromoteCommand.Build(), destroy };
    }
}
