using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Chores.Migrations;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

public static class SchemaLoadCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("schema-load", "Apply the pending schema migrations (never drops a table)") { cli.Options.Prod };
        CommandAction.Set(cli, command, async (result, ct) => await RunAsync(cli, await Targets.ResolveAsync(cli, result, ct), ct));
        return command;
    }

    public static async Task RunAsync(CliContext cli, Database database, CancellationToken ct)
    {
        cli.Terminal.Banner("db schema-load");
        var applied = await new Migrator(database).ApplyAsync(
            (name, elapsed) => cli.Terminal.Line($"Applied: {name} in {elapsed.TotalMilliseconds:0} ms"), ct);
        if (applied == 0) cli.Terminal.Line("Up to date: no pending migrations");
    }
}
