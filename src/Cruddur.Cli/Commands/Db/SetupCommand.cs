using System.CommandLine;

namespace Cruddur.Cli.Commands.Db;

public static class SetupCommand
{
    public static Command Build()
    {
        var command = new Command("setup", "Drop, create, load the schema and seed (the document's db-setup)")
        {
            CommonOptions.Prod, CommonOptions.Force,
        };
        CommandAction.Set(command, async (result, ct) =>
        {
            Targets.RefuseOnProdWithoutForce(result, "drop and recreate the database");
            var database = await Targets.ResolveAsync(result, ct);
            await DropCommand.RunAsync(database, result.GetValue(CommonOptions.Force), ct);
            await CreateCommand.RunAsync(database, ct);
            await SchemaLoadCommand.RunAsync(database, ct);
            await SeedCommand.RunAsync(database, ct);
        });
        return command;
    }
}
