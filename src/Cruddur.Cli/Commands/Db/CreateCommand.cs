using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

public static class CreateCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("create", "Create the database (the document's db-create)") { cli.Options.Prod };
        CommandAction.Set(cli, command, async (result, ct) => await RunAsync(cli, await Targets.ResolveAsync(cli, result, ct), ct));
        return command;
    }

    public static async Task RunAsync(CliContext cli, Database database, CancellationToken ct)
    {
        cli.Terminal.Banner("db create");
        var created = await DatabaseAdmin.CreateAsync(database, ct);
        cli.Terminal.Line(created ? $"Created: {database.Name}" : $"Exists: {database.Name} (nothing to do)");
    }
}
