using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;

namespace Cruddur.Cli.Commands.Db;

public static class SeedCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("seed", "Add the document's seed rows (idempotent)") { cli.Options.Prod, cli.Options.Force };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            Targets.RefuseOnProdWithoutForce(cli, result, "seed the database");
            await RunAsync(cli, await Targets.ResolveAsync(cli, result, ct), ct);
        });
        return command;
    }

    public static async Task RunAsync(CliContext cli, Database database, CancellationToken ct)
    {
        cli.Terminal.Banner("db seed");
        var seeded = await Seeder.SeedAsync(database, ct);
        cli.Terminal.Line(
            $"Seeded: {seeded.Users} {Plural(seeded.Users, "user")}, {seeded.Activities} {Plural(seeded.Activities, "activity", "activities")} ({seeded.AlreadyPresent} already present)");
    }

    static string Plural(int count, string one, string? many = null) => count == 1 ? one : many ?? one + "s";
}
