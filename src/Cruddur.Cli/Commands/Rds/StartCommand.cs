using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Rds.Instances;

namespace Cruddur.Cli.Commands.Rds;

/// <summary>Starts a stopped instance (the document's "From the console active the RDS").</summary>
public static class StartCommand
{
    public static Command Build(CliContext cli) => InstanceOptions.Verb(cli, "start", "Start a stopped instance", async (id, target, ct) =>
    {
        cli.Terminal.Banner($"rds start {id}");
        var state = await InstanceState.StartAsync(id, target, ct);
        cli.Terminal.Line($"Status: {state.Status}");
    });
}
