using System.CommandLine;

namespace Cruddur.Cli.Commands.Db;

/// <summary>dbmate's and rails' name for schema-load, and <c>migrate new NAME</c> to start the next migration.</summary>
public static class MigrateCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("migrate", "Apply the pending migrations (the same as schema-load)") { cli.Options.Prod, NewMigrationCommand.Build(cli) };
        CommandAction.Set(cli, command, async (result, ct) => await SchemaLoadCommand.RunAsync(cli, await Targets.ResolveAsync(cli, result, ct), ct));
        return command;
    }
}
