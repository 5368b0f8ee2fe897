using System.Diagnostics;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;
using Cruddur.Testing;
using Npgsql;
using Cruddur.Chores.Local;

namespace Cruddur.Cli.Tests.Db;

/// <summary>dbmate's --wait: a chore started before its server waits for it instead of failing.</summary>
public class WaitTests(PostgresServer server)
{
    static Database OnPort(Database database, int port) =>
        new(new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Port = port }, "a late port");

    [Fact]
    public async Task Wait_lets_a_chore_wait_for_a_server_that_starts_listening_after_it()
    {
        var database = server.For(PostgresServer.UniqueName(nameof(Wait_lets_a_chore_wait_for_a_server_that_starts_listening_after_it)));
        await using var late = new LatePort(database.Settings.Port);
        var environment = CliEnvironment.Local(database);
        environment["CONNECTION_URL"] = CliEnvironment.Url(OnPort(database, late.Port));

        // A real process: its first line must be read while it is still waiting.
        using var cli = Process.Start(CliProcess.StartInfo(environment, "db", "create", "--wait", "60"))!;
        var stderr = cli.StandardError.ReadToEndAsync();
        var first = await cli.StandardOutput.ReadLineAsync();
        late.Open();
        var rest = await cli.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await cli.WaitForExitAsync(timeout.Token);

        Assert.True(cli.ExitCode == 0, first + rest + await stderr);
        // The seconds so far: 0 on an idle machine, more when the first try itself was slow.
        Assert.Matches($@"^Waiting: for 127\.0\.0\.1:{late.Port} to accept connections \(\d+ of 60 s\)$", first);
        Assert.Matches($@"^Ready: 127\.0\.0\.1:{late.Port} after [\d.]+ s\n== db create\nCreated: {database.Name}\n$", rest);
        Assert.True(await DatabaseAdmin.ExistsAsync(database, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Wait_gives_up_after_the_seconds_given_and_names_the_cause()
    {
        var database = OnPort(server.For("cruddur"), FreePort.Find());

        var result = await InProcessCli.RunAsync(new Dictionary<string, string?> { ["CONNECTION_URL"] = CliEnvironment.Url(database) }, "db", "status", "--wait", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: waited 1 s: cannot connect to {database.Endpoint}: connection refused (is the server running?) (check CONNECTION_URL)\n", result.Stderr);
        Assert.DoesNotContain(database.Settings.Password!, result.Output);
    }

    [Fact]
    public async Task Wait_on_a_server_that_is_up_adds_nothing()
    {
        var database = await server.CreateDatabaseAsync(nameof(Wait_on_a_server_that_is_up_adds_nothing));

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "migrate", "--wait");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("== db schema-load\nUp to date: no pending migrations\n", result.Stdout);
    }
}
