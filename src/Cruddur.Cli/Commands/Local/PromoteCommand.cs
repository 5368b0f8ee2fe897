using System.CommandLine;
using Cruddur.Cli.Output;

namespace Cruddur.Cli.Commands.Local;

/// <summary><c>cruddur local promote [N]</c>: fail over to standby N, or to the one that has received the most WAL.</summary>
public static class PromoteCommand
{
    public static Command Build()
    {
        var number = new Argument<int?>("N") { Description = "The standby to promote (standby1 is 1); default: the most advanced one", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("promote", "Make a standby the primary (pg_ctl promote); the old primary is stopped and discarded") { number };
        CommandAction.Set(command, async (result, ct) =>
        {
            Terminal.Console.Banner("local promote");
            var promotion = await Targets.Cluster().PromoteAsync(result.GetValue(number), ct);
            Terminal.Console.Line($"Promoted: {promotion.Promoted} (127.0.0.1:{promotion.Port}) is the primary");
            foreach (var follower in promotion.Following) Terminal.Console.Line($"Following: {follower}");
        });
        return command;
    }
}
