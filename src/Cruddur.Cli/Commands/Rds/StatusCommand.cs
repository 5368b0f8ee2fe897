using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Rds;
using Cruddur.Rds.Instances;

namespace Cruddur.Cli.Commands.Rds;

/// <summary>Is the instance running or stopped, and when will AWS start it again on its own.</summary>
public static class StatusCommand
{
    public static Command Build(CliContext cli) => InstanceOptions.Verb(cli, "status", "Show the instance's status and, when stopped, when AWS will start it again", async (id, target, ct) =>
    {
        var state = await InstanceState.DescribeAsync(id, target, ct);
        var engine = string.Join(" ", new[] { state.Engine, state.EngineVersion }.OfType<string>());
        cli.Terminal.Line($"Instance: {state.Identifier} ({engine}, {state.InstanceClass ?? "?"})");
        cli.Terminal.Line($"Status: {state.Status}");
        if (state.AutomaticRestartTime is { } at)
            cli.Terminal.Warn($"Restart: AWS will start it again at {RestartTime.Describe(at, DateTimeOffset.UtcNow)} (stopped instances restart after 7 days)");
        if (state.Endpoint is { } endpoint) cli.Terminal.Line($"Endpoint: {endpoint}");
    });
}
