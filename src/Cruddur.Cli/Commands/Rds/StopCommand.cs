using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Rds.Instances;

namespace Cruddur.Cli.Commands.Rds;

/// <summary>The document's cost advice ("put it in stop"), with its catch: AWS starts it again after 7 days.</summary>
public static class StopCommand
{
    public static Command Build(CliContext cli) => InstanceOptions.Verb(cli, "stop", "Stop the instance to save cost (AWS starts it again after 7 days)", async (id, target, ct) =>
    {
        cli.Terminal.Banner($"rds stop {id}");
        var state = await InstanceState.StopAsync(id, target, ct);
        cli.Terminal.Line($"Status: {state.Status}");
        cli.Terminal.Warn($"Note: AWS starts it again after 7 days (around {DateTimeOffset.UtcNow.Add(InstanceState.StopLimit).UtcDateTime:yyyy-MM-dd HH:mm} UTC); " +
                              "storage and backups are still billed. Not needed any more? Delete it with a final snapshot.");
    });
}
