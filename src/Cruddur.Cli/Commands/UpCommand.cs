using System.CommandLine;
using Cruddur.Cli.Cognito;
using Cruddur.Cli.Commands.Db;
using Cruddur.Cli.Commands.Local;
using Cruddur.Cli.Output;
using Cruddur.Chores.Admin;

namespace Cruddur.Cli.Commands;

/// <summary>Everything a new user needs: the local cluster, the database, its schema and seed rows, the local Cognito and the API.</summary>
public static class UpCommand
{
    public static Command Build()
    {
        var noApi = new Option<bool>("--no-api") { Description = "Prepare the database and return, without starting the API" };
        var noCognito = new Option<bool>("--no-cognito") { Description = "Serve the API without the local Cognito (then nobody can post)" };
        var command = new Command("up", "Start the local cluster if needed, create and migrate the database, seed it when empty, then serve the API")
        {
            ServeApiCommand.Port,
            ServeApiCommand.Host,
            noApi,
            noCognito,
        };
        CommandAction.Set(command, async (result, ct) =>
        {
            var serve = !result.GetValue(noApi);
            var cognito = serve && !result.GetValue(noCognito);
            if (serve) ServeApiCommand.RefuseBusyPort(result);
            Terminal.Console.CountSteps((Targets.UsesCluster(result) ? 4 : 3) + (serve ? 1 : 0) + (cognito ? 1 : 0));
            var database = await PrepareAsync(result, ct);
            if (!serve) return;
            if (!cognito)
            {
                await ServeApiCommand.RunAsync(ServeApiCommand.Settings(result, database, null), ct);
                return;
            }
            await using var local = await LocalCognito.StartAsync(database, Targets.Cluster().Home, ct);
            await ServeApiCommand.RunAsync(ServeApiCommand.Settings(result, database, local.Pool.Cognito), ct);
        });
        return command;
    }

    // The local cluster stays locked until its database is ready: a second `up` waits, then finds it done.
    static async Task<Data.Settings.Database> PrepareAsync(ParseResult result, CancellationToken ct)
    {
        using var hold = Targets.UsesCluster(result) ? await Targets.Cluster().HoldAsync(ct) : null;
        if (hold is not null) await LocalCommands.StartAsync(ct);
        var database = await Targets.ResolveAsync(result, ct);
        await CreateCommand.RunAsync(database, ct);
        await SchemaLoadCommand.RunAsync(database, ct);
        if (await Seeder.HasUsersAsync(database, ct))
        {
            Terminal.Console.Banner("db seed");
            Terminal.Console.Line("Skipped: the database already has users");
        }
        else
        {
            await SeedCommand.RunAsync(database, ct);
        }
        Terminal.Console.Line($"Database: {database.RedactedUrl}");
        return database;
    }
}
