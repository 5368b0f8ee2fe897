using System.Text.Json;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Cli.Tests.Db;

/// <summary><c>db status</c> as scripts use it: exit 0 only when the database is there and migrated as this build expects.</summary>
public class StatusTests(PostgresServer server)
{
    [Fact]
    public async Task Status_with_pending_migrations_exits_3_and_says_what_to_run()
    {
        var database = await server.CreateDatabaseAsync(nameof(Status_with_pending_migrations_exits_3_and_says_what_to_run), migrated: false);

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "status");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("[ ] 0001_users_and_activities.sql", result.Stdout);
        Assert.Matches(@"Not ready: \d+ pending migration\(s\) \(run: cruddur db migrate\)", result.Stdout);
    }

    [Fact]
    public async Task Status_of_an_absent_database_exits_3_and_says_what_to_run()
    {
        var database = server.For(PostgresServer.UniqueName(nameof(Status_of_an_absent_database_exits_3_and_says_what_to_run)));

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "status");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"Not ready: database {database.Name} does not exist (run: cruddur db create, then cruddur db migrate)", result.Stdout);
    }

    [Fact]
    public async Task Status_flags_an_applied_migration_that_this_build_does_not_have()
    {
        var database = await server.CreateDatabaseAsync(nameof(Status_flags_an_applied_migration_that_this_build_does_not_have));
        await using (var connection = new NpgsqlConnection(database.Settings.ConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("INSERT INTO schemaversions (scriptname, applied) VALUES ('0099_deleted_since.sql', now())", connection).ExecuteNonQueryAsync();
        }

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "status");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("[X] 0001_users_and_activities.sql", result.Stdout);
        Assert.Contains("[?] 0099_deleted_since.sql (applied, but not in this build: deleted or renamed?)", result.Stdout);
        Assert.Matches(@"Applied: \d+   Pending: 0   Not in this build: 1", result.Stdout);
        Assert.Contains("Not ready: 1 applied migration(s) this build does not have", result.Stdout);
    }

    [Fact]
    public async Task Status_json_is_one_object_with_the_same_facts_and_no_password()
    {
        var database = await server.CreateDatabaseAsync(nameof(Status_json_is_one_object_with_the_same_facts_and_no_password));

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "status", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(database.Name, root.GetProperty("database").GetString());
        Assert.True(root.GetProperty("present").GetBoolean());
        Assert.True(root.GetProperty("upToDate").GetBoolean());
        Assert.Equal($"postgresql://postgres:***@127.0.0.1:{database.Settings.Port}/{database.Name}", root.GetProperty("url").GetString());
        Assert.Contains("0001_users_and_activities.sql", root.GetProperty("migrations").GetProperty("applied").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, root.GetProperty("migrations").GetProperty("pending").GetArrayLength());
        Assert.Equal(0, root.GetProperty("rows").GetProperty("users").GetInt64());
        Assert.DoesNotContain(database.Settings.Password!, result.Output);
    }

    [Fact]
    public async Task Local_status_json_says_a_cluster_that_was_never_created_is_not_running()
    {
        var home = Path.Combine(Path.GetTempPath(), $"cruddur-never-{Guid.NewGuid():N}");

        var result = await InProcessCli.RunAsync(new Dictionary<string, string?> { ["CRUDDUR_HOME"] = home }, "local", "status", "--json");

        Assert.Equal(3, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.False(json.RootElement.GetProperty("initialized").GetBoolean());
        Assert.False(json.RootElement.GetProperty("running").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("url").ValueKind);
        Assert.Equal(Path.Combine(home, "pg", "data"), json.RootElement.GetProperty("dataDirectory").GetString());
        Assert.False(Directory.Exists(home), "status creates nothing");
    }
}
