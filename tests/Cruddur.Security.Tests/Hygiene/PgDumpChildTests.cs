using System.Diagnostics;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Security.Tests.Hygiene;

/// <summary><c>db dump</c> and <c>db restore</c> start pg_dump and pg_restore as <c>db connect</c> starts psql.</summary>
public class PgDumpChildTests(PostgresServer server)
{
    [Fact]
    public async Task Db_dump_gives_pg_dump_no_password_in_its_arguments_or_environment()
    {
        var database = await server.CreateDatabaseAsync("pg_dump_child_hygiene");
        var password = server.Superuser.Password!;
        var file = Path.Combine(Path.GetTempPath(), $"cruddur-hygiene-{Guid.NewGuid():N}.dump");
        // pg_dump waits for this lock, which keeps it alive long enough to be read from /proc.
        await using var holder = new NpgsqlConnection(database.Settings.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE users IN ACCESS EXCLUSIVE MODE", holder, transaction).ExecuteNonQueryAsync();

        using var cli = Process.Start(CliProcess.StartInfo(
            new Dictionary<string, string?> { ["CONNECTION_URL"] = database.Settings.ConnectionString }, "db", "dump", file))!;
        var stdout = cli.StandardOutput.ReadToEndAsync();
        var stderr = cli.StandardError.ReadToEndAsync();
        var pgDump = await ProcessTree.WaitForDescendantAsync(cli.Id, "pg_dump", TimeSpan.FromSeconds(60));
        var arguments = ProcessTree.Arguments(pgDump);
        var environment = ProcessTree.Environment(pgDump);
        var passwordFile = environment.GetValueOrDefault("PGPASSFILE");
        var fileMode = passwordFile is not null && File.Exists(passwordFile) ? File.GetUnixFileMode(passwordFile) : default;
        await transaction.RollbackAsync();
        await cli.WaitForExitAsync();

        Assert.True(cli.ExitCode == 0, await stdout + await stderr);
        Assert.DoesNotContain(arguments, a => a.Contains(password, StringComparison.Ordinal));
        Assert.False(environment.ContainsKey("PGPASSWORD"));
        Assert.DoesNotContain(environment.Values, v => v.Contains(password, StringComparison.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, fileMode);
        Assert.False(File.Exists(passwordFile), "the password file is removed when pg_dump exits");
        Assert.True(File.Exists(file));
        File.Delete(file);
    }
}
