using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Chores.Migrations;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

public static class SchemaLoadCommand
{
    public static Command Build()
    {
        var command = new Command("schema-load", "Apply the pending schema migrations (never drops a table)") { CommonOptions.Prod };
        CommandAction.Set(command, async (result, ct) => await RunAsync(await Targets.ResolveAsync(result, ct), ct));
        return command;
    }

    public static async Task RunAsync(Database database, CancellationToken ct)
    {
        Terminal.Console.Banner("db schema-load");
        var applied = await new Migrator(database).ApplyAsync(
            (name, elapsed) => Terminal.Console.Line($"Applied: {name} in {elapsed.TotalMilliseconds:0} ms"), ct);
        if (applied == 0) Terminal.Console.Line("Up to date: no pending migrations");
    }
}
