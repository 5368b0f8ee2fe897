using Cruddur.Chores.Admin;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Db;

public class DumpRestoreTests(PostgresServer server) : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("cruddur-dump-").FullName;

    CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Dump_then_restore_into_a_new_database_brings_back_every_row()
    {
        var source = await server.CreateDatabaseAsync(nameof(Dump_then_restore_into_a_new_database_brings_back_every_row));
        await Seeder.SeedAsync(source, Ct);
        var target = server.For(PostgresServer.UniqueName("restored"));
        var file = Path.Combine(_folder, "cruddur.dump");

        var dump = await InProcessCli.RunAsync(CliEnvironment.Local(source), "db", "dump", file);
        var restore = await InProcessCli.RunAsync(CliEnvironment.Local(target), "db", "restore", file);

        Assert.True(dump.ExitCode == 0, dump.Output);
        Assert.Matches($@"Dumped: {source.Name} to .*cruddur\.dump \([\d.]+ KiB\)", dump.Stdout);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Contains($"Created: {target.Name}", restore.Stdout);
        Assert.Contains("Restoring: data of public.users", restore.Stdout);
        Assert.Matches($@"Restored: .*cruddur\.dump into {target.Name} \(3 tables\)", restore.Stdout);
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(target, Ct));
        Assert.DoesNotContain(source.Settings.Password!, dump.Output + restore.Output);
    }

    [Fact]
    public async Task Dump_never_overwrites_an_existing_file()
    {
        var database = await server.CreateDatabaseAsync(nameof(Dump_never_overwrites_an_existing_file));
        var file = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(file, "mine", Ct);

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "dump", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: {file} already exists (choose another file or remove it)\n", result.Stderr);
        Assert.Equal("mine", await File.ReadAllTextAsync(file, Ct));
    }

    [Fact]
    public async Task Restore_refuses_a_database_with_tables_unless_forced()
    {
        var file = await SeededDumpAsync(nameof(Restore_refuses_a_database_with_tables_unless_forced));
        var target = await server.CreateDatabaseAsync("restore_target");

        var refused = await InProcessCli.RunAsync(CliEnvironment.Local(target), "db", "restore", file);
        var rowsAfterRefusal = await RowCounts.ReadAsync(target, Ct);
        var forced = await InProcessCli.RunAsync(CliEnvironment.Local(target), "db", "restore", file, "--force");
        Npgsql.NpgsqlConnection.ClearAllPools(); // the forced restore ended our idle connection with the old database

        Assert.Equal(1, refused.ExitCode);
        Assert.Matches($@"^Error: database {target.Name} is not empty \(\d+ tables, indexes or sequences; run with --force to drop and recreate it\)\n$", refused.Stderr);
        Assert.Equal(new RowCounts(0, 0), rowsAfterRefusal);
        Assert.True(forced.ExitCode == 0, forced.Output);
        Assert.Contains($"Dropped: {target.Name}", forced.Stdout);
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(target, Ct));
    }

    [Fact]
    public async Task Restore_of_a_file_that_is_not_a_dump_refuses_before_touching_the_database()
    {
        var database = await server.CreateDatabaseAsync(nameof(Restore_of_a_file_that_is_not_a_dump_refuses_before_touching_the_database));
        await Seeder.SeedAsync(database, Ct);
        var file = Path.Combine(_folder, "schema.sql");
        await File.WriteAllTextAsync(file, "DROP TABLE users;", Ct);

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "restore", file, "--force");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: {file} is not a pg_dump custom-format archive (make one with: cruddur db dump)\n", result.Stderr);
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(database, Ct));
    }

    [Fact]
    public async Task Restore_on_prod_without_force_refuses_and_says_why()
    {
        var database = await server.CreateDatabaseAsync(nameof(Restore_on_prod_without_force_refuses_and_says_why));
        var file = Path.Combine(_folder, "prod.dump");
        await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "dump", file);

        var result = await InProcessCli.RunAsync(CliEnvironment.Prod(database), "db", "restore", file, "--prod");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: refusing to restore over the database on production without --force (it changes or deletes production data)\n", result.Stderr);
    }

    [Fact]
    public async Task A_failed_restore_restores_nothing_and_names_the_cause()
    {
        var file = await SeededDumpAsync(nameof(A_failed_restore_restores_nothing_and_names_the_cause));
        var whole = await File.ReadAllBytesAsync(file, Ct);
        await File.WriteAllBytesAsync(file, whole[..(whole.Length * 2 / 3)], Ct);
        var target = server.For(PostgresServer.UniqueName("truncated"));

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(target), "db", "restore", file);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: pg_restore failed and restored nothing (", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Equal(0, await DatabaseAdmin.UserRelationsAsync(target, Ct));
    }

    async Task<string> SeededDumpAsync(string owner)
    {
        var source = await server.CreateDatabaseAsync(owner);
        await Seeder.SeedAsync(source, Ct);
        var file = Path.Combine(_folder, $"{owner}.dump");
        var dump = await InProcessCli.RunAsync(CliEnvironment.Local(source), "db", "dump", file);
        Assert.True(dump.ExitCode == 0, dump.Output);
        return file;
    }
}
