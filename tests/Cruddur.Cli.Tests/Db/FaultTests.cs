using Cruddur.Chores.Admin;
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

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "seed");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: the database refused: disk on fire (P0001); nothing was committed\n", result.Stderr);
        Assert.Equal(new RowCounts(0, 0), await RowCounts.ReadAsync(database, Ct));
    }

    [Fact]
    public async Task A_migration_that_fails_is_named_and_leaves_nothing_half_applied()
    {
        var database = await server.CreateDatabaseAsync(nameof(A_migration_that_fails_is_named_and_leaves_nothing_half_applied), migrated: false);
        await ExecuteAsync(database.Settings, "CREATE TABLE activities (uuid int)");

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "schema-load");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: migration 0001_users_and_activities.sql failed and was rolled back (42P07:", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var users = new NpgsqlCommand("SELECT to_regclass('public.users')::text", connection);
        Assert.Null(await users.ExecuteScalarAsync(Ct) as string);
    }

    [Fact]
    public async Task A_seed_whose_session_is_terminated_mid_way_says_so_in_one_line_and_leaves_no_partial_seed()
    {
        var database = await server.CreateDatabaseAsync(nameof(A_seed_whose_session_is_terminated_mid_way_says_so_in_one_line_and_leaves_no_partial_seed));
        await using var blocker = new NpgsqlConnection(database.Settings.ConnectionString);
        await blocker.OpenAsync(Ct);
        await using var transaction = await blocker.BeginTransactionAsync(Ct);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE activities IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            await lockTable.ExecuteNonQueryAsync(Ct);

        // The users go in, then the seed waits on the locked activities: its session is ended right there.
        var seeding = InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "seed");
        await TerminateTheSessionWaitingOnTheLockAsync(database.Settings, seeding);
        await transaction.RollbackAsync(Ct);
        var result = await seeding;

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: ", result.Stderr);
        Assert.Contains("57P01", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Equal(new RowCounts(0, 0), await RowCounts.ReadAsync(database, Ct));
    }

    [Theory]
    [InlineData("schema-load")]
    [InlineData("setup")]
    [InlineData("seed")]
    public async Task A_chore_against_a_server_that_hangs_up_is_one_error_line_and_exit_1(string chore)
    {
        var database = await server.CreateDatabaseAsync($"hangs_up_{chore}");
        // Something listens on the port but closes every connection at once, as a server going away does.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var hangingUp = HangUpOnEveryConnectionAsync(listener, stop.Token);
        var goneAway = database with { Settings = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Port = port } };

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(goneAway), "db", chore);
        await stop.CancelAsync();
        await hangingUp;

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"Error: cannot connect to 127.0.0.1:{port}", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain(database.Settings.Password!, result.Output);
    }

    static async Task HangUpOnEveryConnectionAsync(System.Net.Sockets.TcpListener listener, CancellationToken ct)
    {
        try
        {
            while (true) (await listener.AcceptSocketAsync(ct)).Close();
        }
        catch (OperationCanceledException)
        {
        }
    }

    static async Task TerminateTheSessionWaitingOnTheLockAsync(NpgsqlConnectionStringBuilder settings, Task seeding)
    {
        var terminated = false;
        await Poll.UntilAsync(async () => seeding.IsCompleted || (terminated = await TerminateLockWaitersAsync(settings) > 0), TimeSpan.FromSeconds(60));
        if (!terminated) Assert.Fail("the seed never waited on the locked table");
    }

    static async Task<long> TerminateLockWaitersAsync(NpgsqlConnectionStringBuilder settings)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
            """, connection);
        return (long)(await terminate.ExecuteScalarAsync())!;
    }

    static async Task ExecuteAsync(NpgsqlConnectionStringBuilder settings, string sql)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
