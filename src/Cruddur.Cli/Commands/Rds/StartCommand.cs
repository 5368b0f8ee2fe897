using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Rds.Instances;

namespace Cruddur.Cli.Commands.Rds;

/// <summary>Starts a stopped instance (the document's "From the console active the RDS").</summary>
public static class StartCommand
{
    public static Command Build()
    {
        var command = new Command("start", "Start a stopped instance");
        foreach (var option in InstanceOptions.All) command.Options.Add(option);
        CommandAction.Set(command, async (result, ct) =>
        {
            var id = result.GetValue(InstanceOptions.Id)!;
            Terminal.Console.Banner($"rds start {id}");
            var state = await InstanceState.StartAsync(id, InstanceOptions.Target(result), ct);
            Terminal.Console.Line($"Status: {state.Status}");
        });
        return command;
    }
}
