using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

public static class CreateCommand
{
    public static Command Build()
    {
        var command = new Command("create", "Create the database (the document's db-create)") { CommonOptions.Prod };
        CommandAction.Set(command, async (result, ct) => await RunAsync(await Targets.ResolveAsync(result, ct), ct));
        return command;
    }

    public static async Task RunAsync(Database database, CancellationToken ct)
    {
        Terminal.Console.Banner("db create");
        var created = await DatabaseAdmin.CreateAsync(database, ct);
        Terminal.Console.Line(created ? $"Created: {database.Name}" : $"Exists: {database.Name} (nothing to do)");
    }
}
