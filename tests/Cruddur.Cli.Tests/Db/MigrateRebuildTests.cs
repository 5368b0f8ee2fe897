using Cruddur.Chores.Admin;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Cli.Tests.Db;

/// <summary>
/// <c>db migrate new</c>, then <c>db migrate</c>, through the real <c>./cruddur</c> script in a copy of the
/// repository: the script sees the new source file, rebuilds the CLI, and the new migration is applied.
/// </summary>
[Collection(ScriptCopyCollection.Name)]
public class MigrateRebuildTests(PostgresServer server, ScriptCopy copy)
{
    [Fact]
    public async Task A_new_migration_is_applied_by_the_next_run_without_a_manual_build()
    {
        // Unmigrated: the copy may lack a migration that another test on it deleted.
        var database = await server.CreateDatabaseAsync(nameof(A_new_migration_is_applied_by_the_next_run_without_a_manual_build), migrated: false);
        var environment = CliEnvironment.Local(database);

        var created = await copy.RunAsync(environment, "db", "migrate", "new", "add_widgets");
        var file = Directory.GetFiles(copy.Migrations, "*_add_widgets.sql").Single();
        await File.AppendAllTextAsync(file, "CREATE TABLE widgets (id int PRIMARY KEY);\n");
        var migrated = await copy.RunAsync(environment, "db", "migrate");
        var status = await copy.RunAsync(environment, "db", "status");

        Assert.True(created.ExitCode == 0, created.Output);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        Assert.Matches($@"Applied: {Path.GetFileName(file)} in \d+ ms", migrated.Stdout);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"[X] {Path.GetFileName(file)}", status.Stdout);
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(0L, await new NpgsqlCommand("SELECT count(*) FROM widgets", connection).ExecuteScalarAsync());
    }
}
