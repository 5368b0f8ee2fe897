using System.CommandLine;

namespace Cruddur.Cli.Commands.Db;

public static class SetupCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("setup", "Drop, create, load the schema and seed (the document's db-setup)")
        {
            cli.Options.Prod, cli.Options.Force,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            Targets.RefuseOnProdWithoutForce(cli, result, "drop and recreate the database");
            var database = await Targets.ResolveAsync(cli, result, ct);
            await DropCommand.RunAsync(cli, database, result.GetValue(cli.Options.Force), ct);
            await CreateCommand.RunAsync(cli, database, ct);
            await SchemaLoadCommand.RunAsync(cli, database, ct);
            await SeedCommand.RunAsync(cli, database, ct);
        });
        return command;
    }
}
