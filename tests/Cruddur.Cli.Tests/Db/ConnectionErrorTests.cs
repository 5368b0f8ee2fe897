using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Db;

public class ConnectionErrorTests(PostgresServer server)
{
    [Fact]
    public async Task Server_down_is_one_line_naming_host_port_and_cause()
    {
        var closedPort = ClosedPort.Find();

        var result = await CliProcess.RunAsync(
            new Dictionary<string, string?> { ["CONNECTION_URL"] = $"postgresql://postgres:Sup3rSecret@127.0.0.1:{closedPort}/cruddur" },
            "db", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: cannot connect to 127.0.0.1:{closedPort}: connection refused (is the server running?) (check CONNECTION_URL)\n", result.Stderr);
        Assert.DoesNotContain("Sup3rSecret", result.Output);
    }

    [Fact]
    public async Task Wrong_password_is_one_line_without_the_password()
    {
        var database = await server.CreateDatabaseAsync(nameof(Wrong_password_is_one_line_without_the_password));
        var environment = new Dictionary<string, string?> { ["CONNECTION_URL"] = CliEnvironment.Url(database, "Wr0ng-Passw0rd") };

        var result = await CliProcess.RunAsync(environment, "db", "seed");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: cannot connect to 127.0.0.1:{database.Settings.Port}: password authentication failed for user postgres (check CONNECTION_URL)\n", result.Stderr);
        Assert.DoesNotContain("Wr0ng-Passw0rd", result.Output);
    }

    [Fact]
    public async Task A_malformed_url_says_what_is_wrong_without_the_password()
    {
        var result = await CliProcess.RunAsync(
            new Dictionary<string, string?> { ["CONNECTION_URL"] = "postgresql://root:huEE33z2Qvl383@db.example.com/cruddur?sslmode=sometimes" },
            "db", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: CONNECTION_URL has sslmode 'sometimes' (expected disable, allow, prefer, require, verify-ca or verify-full)\n", result.Stderr);
        Assert.DoesNotContain("huEE33z2Qvl383", result.Output);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_but_still_no_password()
    {
        var result = await CliProcess.RunAsync(
            new Dictionary<string, string?> { ["CONNECTION_URL"] = $"postgresql://postgres:Sup3rSecret@127.0.0.1:{ClosedPort.Find()}/cruddur" },
            "db", "status", "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at Cruddur.", result.Stderr);
        Assert.DoesNotContain("Sup3rSecret", result.Output);
    }
}
