using Cruddur.Data.Admin;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Cli.Tests.Db;

/// <summary>A chore that fails half-way leaves nothing half-done, and says so in one line.</summary>
public class FaultTests(PostgresServer server)
{
    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seed_that_fails_half_way_leaves_no_partial_seed()
    {
        var database = await server.CreateDatabaseAsync(nameof(A_seed_that_fails_half_way_leaves_no_partial_seed));
        // The users go in first; a trigger then refuses the activity, as a fault half-way through would.
        await ExecuteAsync(database.Settings, """
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON activities FOR EACH ROW EXECUTE FUNCTION refuse();
            """);

        var result = await CliProcess.RunAsync(CliEnvironment.Local(database), "db", "seed");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: the database refused: disk on fire (P0001); nothing was committed\n", result.Stderr);
        Assert.Equal(new RowCounts(0, 0), await RowCounts.ReadAsync(database, Ct));
    }

    [Fact]
    public async Task A_migration_that_fails_is_named_and_leaves_nothing_half_applied()
    {
        var database = await server.CreateDatabaseAsync(nameof(A_migration_that_fails_is_named_and_leaves_nothing_half_applied), migrated: false);
        await ExecuteAsync(database.Settings, "CREATE TABLE activities (uuid int)");

        var result = await CliProcess.RunAsync(CliEnvironment.Local(database), "db", "schema-load");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: migration 0001_users_and_activities.sql failed and was rolled back (42P07:", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var users = new NpgsqlCommand("SELECT to_regclass('public.users')::text", connection);
        Assert.Null(await users.ExecuteScalarAsync(Ct) as string);
    }

    static async Task ExecuteAsync(NpgsqlConnectionStringBuilder settings, string sql)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
