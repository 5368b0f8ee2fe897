using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

public static class DropCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("drop", "Drop the database; refuses while others are connected unless --force")
        {
            cli.Options.Prod, cli.Options.Force,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            Targets.RefuseOnProdWithoutForce(cli, result, "drop the database");
            await RunAsync(cli, await Targets.ResolveAsync(cli, result, ct), result.GetValue(cli.Options.Force), ct);
        });
        return command;
    }

    public static async Task RunAsync(CliContext cli, Database database, bool force, CancellationToken ct)
    {
        cli.Terminal.Banner("db drop");
        if (!await DatabaseAdmin.ExistsAsync(database, ct))
        {
            cli.Terminal.Line($"Absent: {database.Name} (nothing to do)");
            return;
        }
        var others = await DatabaseAdmin.OtherSessionsAsync(database, ct);
        if (others > 0 && !force)
            throw new CruddurException($"{others} other session(s) are connected to {database.Name} (close them, or run with --force to end them)");
        if (others > 0) cli.Terminal.Line($"Ending: {others} other session(s)");
        await DatabaseAdmin.DropAsync(database, endSessions: force, ct);
        cli.Terminal.Line($"Dropped: {database.Name}");
    }
}
