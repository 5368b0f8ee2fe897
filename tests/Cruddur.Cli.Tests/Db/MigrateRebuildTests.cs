using System.Diagnostics;
using Cruddur.Chores.Admin;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Cli.Tests.Db;

/// <summary>
/// <c>db migrate new</c>, then <c>db migrate</c>, through the real <c>./cruddur</c> script in a copy of the
/// repository: the script sees the new source file, rebuilds the CLI, and the new migration is applied.
/// </summary>
public class MigrateRebuildTests(PostgresServer server) : IDisposable
{
    readonly string _copy = Directory.CreateTempSubdirectory("cruddur-copy-").FullName;

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact]
    public async Task A_new_migration_is_applied_by_the_next_run_without_a_manual_build()
    {
        await CopyRepositoryAsync();
        var database = await server.CreateDatabaseAsync(nameof(A_new_migration_is_applied_by_the_next_run_without_a_manual_build));
        var environment = CliEnvironment.Local(database);

        var created = await ScriptAsync(environment, "db", "migrate", "new", "add_widgets");
        var file = Directory.GetFiles(Path.Combine(_copy, "src", "Cruddur.Chores", "Migrations"), "*_add_widgets.sql").Single();
        await File.AppendAllTextAsync(file, "CREATE TABLE widgets (id int PRIMARY KEY);\n");
        var migrated = await ScriptAsync(environment, "db", "migrate");
        var status = await ScriptAsync(environment, "db", "status");

        Assert.True(created.ExitCode == 0, created.Output);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        Assert.Matches($@"Applied: {Path.GetFileName(file)} in \d+ ms", migrated.Stdout);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"[X] {Path.GetFileName(file)}", status.Stdout);
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(0L, await new NpgsqlCommand("SELECT count(*) FROM widgets", connection).ExecuteScalarAsync());
    }

    // The sources with their times and build outputs kept, so only the new migration makes the script build.
    async Task CopyRepositoryAsync()
    {
        string[] entries = ["cruddur", "global.json", "Cruddur.slnx", "Directory.Build.props", "Directory.Packages.props", "src"];
        var copy = new ProcessStartInfo("cp", ["-a", .. entries.Select(e => Path.Combine(RepositoryFolder.Path, e)), _copy])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        var result = await CliProcess.RunAsync(copy);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    Task<CliProcess.Result> ScriptAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var start = CliProcess.StartInfo(environment);
        start.FileName = Path.Combine(_copy, "cruddur");
        start.ArgumentList.Clear();
        foreach (var argument in args) start.ArgumentList.Add(argument);
        start.Environment.Remove("CRUDDUR_ROOT"); // the script sets it to the copy
        return CliProcess.RunAsync(start, timeout: TimeSpan.FromMinutes(8));
    }
}
