using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

public static class DropCommand
{
    public static Command Build()
    {
        var command = new Command("drop", "Drop the database; refuses while others are connected unless --force")
        {
            CommonOptions.Prod, CommonOptions.Force,
        };
        CommandAction.Set(command, async (result, ct) =>
        {
            Targets.RefuseOnProdWithoutForce(result, "drop the database");
            await RunAsync(await Targets.ResolveAsync(result, ct), result.GetValue(CommonOptions.Force), ct);
        });
        return command;
    }

    public static async Task RunAsync(Database database, bool force, CancellationToken ct)
    {
        Terminal.Console.Banner("db drop");
        if (!await DatabaseAdmin.ExistsAsync(database, ct))
        {
            Terminal.Console.Line($"Absent: {database.Name} (nothing to do)");
            return;
        }
        var others = await DatabaseAdmin.OtherSessionsAsync(database, ct);
        if (others > 0 && !force)
            throw new CruddurException($"{others} other session(s) are connected to {database.Name} (close them, or run with --force to end them)");
        if (others > 0) Terminal.Console.Line($"Ending: {others} other session(s)");
        await DatabaseAdmin.DropAsync(database, endSessions: force, ct);
        Terminal.Console.Line($"Dropped: {database.Name}");
    }
}
