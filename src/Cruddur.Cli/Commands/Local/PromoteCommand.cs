using System.CommandLine;
using Cruddur.Cli.Output;

namespace Cruddur.Cli.Commands.Local;

/// <summary><c>cruddur local promote [N]</c>: fail over to standby N, or to the one that has received the most WAL.</summary>
public static class PromoteCommand
{
    public static Command Build(CliContext cli)
    {
        var number = new Argument<int?>("N") { Description = "The standby to promote (standby1 is 1); default: the most advanced one", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("promote", "Make a standby the primary (pg_ctl promote); the old primary is stopped and discarded") { number };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            cli.Terminal.Banner("local promote");
            var promotion = await cli.Cluster.PromoteAsync(result.GetValue(number), ct);
            cli.Terminal.Line($"Promoted: {promotion.Promoted} (127.0.0.1:{promotion.Port}) is the primary");
            foreach (var follower in promotion.Following) cli.Terminal.Line($"Following: {follower}");
        });
        return command;
    }
}
