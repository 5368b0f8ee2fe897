using System.Diagnostics;
using Cruddur.Testing;

namespace Cruddur.Security.Tests.Hygiene;

/// <summary>
/// The document runs <c>psql $CONNECTION_URL</c>, which puts the password in psql's argv, readable by
/// every user in /proc. <c>cruddur db connect</c> hands it over in a private password file instead,
/// and keeps the inherited CONNECTION_URL (which holds the password) out of psql's environment.
/// </summary>
public class PsqlChildTests(PostgresServer server)
{
    [Fact]
    public async Task Db_connect_gives_psql_no_password_in_its_arguments_or_environment()
    {
        var database = await server.CreateDatabaseAsync("psql_child_hygiene");
        var password = server.Superuser.Password!;
        var start = CliProcess.StartInfo(new Dictionary<string, string?> { ["CONNECTION_URL"] = database.Settings.ConnectionString }, "db", "connect");
        using var cli = Process.Start(start)!;
        var stdout = cli.StandardOutput.ReadToEndAsync();
        var stderr = cli.StandardError.ReadToEndAsync();
        await cli.StandardInput.WriteLineAsync("SELECT pg_sleep(3);");
        cli.StandardInput.Close();

        var psql = await ProcessTree.WaitForDescendantAsync(cli.Id, "psql", TimeSpan.FromSeconds(30));
        var arguments = ProcessTree.Arguments(psql);
        var environment = ProcessTree.Environment(psql);
        var passwordFile = environment.GetValueOrDefault("PGPASSFILE");
        var fileExisted = passwordFile is not null && File.Exists(passwordFile);
        var fileMode = fileExisted ? File.GetUnixFileMode(passwordFile!) : default;
        await cli.WaitForExitAsync();

        Assert.True(cli.ExitCode == 0, await stdout + await stderr);
        Assert.Equal("psql", Path.GetFileName(arguments[0]));
        Assert.DoesNotContain(arguments, a => a.Contains(password, StringComparison.Ordinal));
        Assert.False(environment.ContainsKey("PGPASSWORD"));
        Assert.DoesNotContain(environment.Values, v => v.Contains(password, StringComparison.Ordinal));
        Assert.Equal((true, UnixFileMode.UserRead | UnixFileMode.UserWrite), (fileExisted, fileMode));
        Assert.False(File.Exists(passwordFile), "the password file is removed when psql exits");
    }
}
