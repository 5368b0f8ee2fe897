using Cruddur.Chores.Admin;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Cli.Tests.Db;

public class DropTests(PostgresServer server)
{
    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Drop_refuses_while_other_sessions_are_connected()
    {
        var database = await server.CreateDatabaseAsync(nameof(Drop_refuses_while_other_sessions_are_connected));
        await using var other = new NpgsqlConnection(database.Settings.ConnectionString + ";Pooling=false");
        await other.OpenAsync(Ct);

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "drop");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: 1 other session(s) are connected to {database.Name} (close them, or run with --force to end them)\n", result.Stderr);
        Assert.True(await DatabaseAdmin.ExistsAsync(database, Ct));
    }

    [Fact]
    public async Task Drop_with_force_ends_the_other_sessions()
    {
        var database = await server.CreateDatabaseAsync(nameof(Drop_with_force_ends_the_other_sessions));
        await using var other = new NpgsqlConnection(database.Settings.ConnectionString + ";Pooling=false");
        await other.OpenAsync(Ct);

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "drop", "--force");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Ending: 1 other session(s)", result.Stdout);
        Assert.Contains($"Dropped: {database.Name}", result.Stdout);
        Assert.False(await DatabaseAdmin.ExistsAsync(database, Ct));
    }

    [Fact]
    public async Task Drop_of_an_absent_database_is_harmless()
    {
        var database = server.For(PostgresServer.UniqueName(nameof(Drop_of_an_absent_database_is_harmless)));

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "drop");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Absent: {database.Name} (nothing to do)", result.Stdout);
    }
}
