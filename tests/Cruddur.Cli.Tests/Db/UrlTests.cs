using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Db;

public class UrlTests(PostgresServer server)
{
    [Fact]
    public async Task Url_has_no_password_unless_asked()
    {
        var database = await server.CreateDatabaseAsync(nameof(Url_has_no_password_unless_asked));
        var password = database.Settings.Password!;

        var plain = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "url");
        var shown = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "url", "--show-password");

        Assert.Equal($"postgresql://postgres@127.0.0.1:{database.Settings.Port}/{database.Name}?sslmode=prefer\n", plain.Stdout);
        Assert.DoesNotContain(password, plain.Output);
        Assert.Equal($"postgresql://postgres:{Uri.EscapeDataString(password)}@127.0.0.1:{database.Settings.Port}/{database.Name}?sslmode=prefer\n", shown.Stdout);
    }

    [Fact]
    public async Task Url_is_accepted_by_psql()
    {
        var database = await server.CreateDatabaseAsync(nameof(Url_is_accepted_by_psql));
        var url = (await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "url")).Stdout.Trim();

        var start = new System.Diagnostics.ProcessStartInfo("psql", [url, "-tAc", "SELECT current_database()"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = database.Settings.Password;
        using var psql = System.Diagnostics.Process.Start(start)!;
        var output = await psql.StandardOutput.ReadToEndAsync();
        await psql.WaitForExitAsync();

        Assert.Equal(0, psql.ExitCode);
        Assert.Equal(database.Name, output.Trim());
    }

    [Fact]
    public async Task Url_on_prod_carries_the_tls_settings()
    {
        var database = await server.CreateDatabaseAsync(nameof(Url_on_prod_carries_the_tls_settings));
        var environment = CliEnvironment.Prod(database);
        environment["PROD_CONNECTION_URL"] = CliEnvironment.Url(database).Replace("127.0.0.1", "localhost") + "?sslrootcert=/etc/ssl/rds.pem";

        var result = await InProcessCli.RunAsync(environment, "db", "url", "--prod");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"postgresql://postgres@localhost:{database.Settings.Port}/{database.Name}?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Frds.pem\n", result.Stdout);
    }
}
