using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

public static class SeedCommand
{
    public static Command Build()
    {
        var command = new Command("seed", "Add the document's seed rows (idempotent)") { CommonOptions.Prod, CommonOptions.Force };
        CommandAction.Set(command, async (result, ct) =>
        {
            Targets.RefuseOnProdWithoutForce(result, "seed the database");
            await RunAsync(await Targets.ResolveAsync(result, ct), ct);
        });
        return command;
    }

    public static async Task RunAsync(Database database, CancellationToken ct)
    {
        Terminal.Console.Banner("db seed");
        var seeded = await Seeder.SeedAsync(database, ct);
        Terminal.Console.Line(
            $"Seeded: {seeded.Users} {Plural(seeded.Users, "user")}, {seeded.Activities} {Plural(seeded.Activities, "activity", "activities")} ({seeded.AlreadyPresent} already present)");
    }

    static string Plural(int count, string one, string? many = null) => count == 1 ? one : many ?? one + "s";
}
