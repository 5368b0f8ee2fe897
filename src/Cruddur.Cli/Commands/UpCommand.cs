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
    public static Command Build(CliContext cli)
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
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var serve = !result.GetValue(noApi);
            var cognito = serve && !result.GetValue(noCognito);
            if (serve) ServeApiCommand.RefuseBusyPort(cli, result);
            cli.Terminal.CountSteps((Targets.UsesCluster(cli, result) ? 4 : 3) + (serve ? 1 : 0) + (cognito ? 1 : 0));
            var database = await PrepareAsync(cli, result, ct);
            if (!serve) return;
            if (!cognito)
            {
                await ServeApiCommand.RunAsync(cli, ServeApiCommand.Settings(cli, result, database, null), ct);
                return;
            }
            await using var local = await LocalCognito.StartAsync(cli, database, cli.Cluster.Home, ct);
            await ServeApiCommand.RunAsync(cli, ServeApiCommand.Settings(cli, result, database, local.Pool.Cognito), ct);
        });
        return command;
    }

    // The local cluster stays locked until its database is ready: a second `up` waits, then finds it done.
    static async Task<Data.Settings.Database> PrepareAsync(CliContext cli, ParseResult result, CancellationToken ct)
    {
        using var hold = Targets.UsesCluster(cli, result) ? await cli.Cluster.HoldAsync(ct) : null;
        if (hold is not null) await LocalCommands.StartAsync(cli, ct);
        var database = await Targets.ResolveAsync(cli, result, ct);
        await CreateCommand.RunAsync(cli, database, ct);
        await SchemaLoadCommand.RunAsync(cli, database, ct);
        if (await Seeder.HasUsersAsync(database, ct))
        {
            cli.Terminal.Banner("db seed");
            cli.Terminal.Line("Skipped: the database already has users");
        }
        else
        {
            await SeedCommand.RunAsync(cli, database, ct);
        }
        cli.Terminal.Line($"Database: {database.RedactedUrl}");
        return database;
    }
}
