using Cruddur.Testing;
using static Cruddur.PostConfirmation.Tests.UserRows;
using Cruddur.Chores.Local;

namespace Cruddur.PostConfirmation.Tests.Cli;

public class InvokeCommandTests(PostgresServer server)
{
    [Fact]
    public async Task Cli_invoke_prints_the_returned_event()
    {
        var database = await server.CreateDatabaseAsync(nameof(InvokeCommandTests));

        var result = await InProcessCli.RunAsync(Environment(database.Settings.ConnectionString),
            "lambda", "invoke", "post-confirmation", "--event", EventFile.PathFor());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(EventFile.PathFor()), result.Stdout.TrimEnd('\n') + "\n");
        Assert.Equal("cliinvoke", Assert.Single(await WithSubAsync(database, "7d1c2b3a-0010-4a5b-8c9d-000000000010")).Handle);
    }

    [Fact]
    public async Task Cli_invoke_of_a_malformed_event_prints_one_error_line_and_exits_1()
    {
        var database = await server.CreateDatabaseAsync(nameof(InvokeCommandTests));
        var malformed = EventFile.PathFor(nameof(InvalidEventTests.Malformed_json_fails_naming_the_problem));

        var result = await InProcessCli.RunAsync(Environment(database.Settings.ConnectionString),
            "lambda", "invoke", "post-confirmation", "--event", malformed);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Error: the event is not valid JSON for a post-confirmation event (", line);
    }

    [Fact]
    public async Task Cli_invoke_with_the_database_down_names_the_endpoint_and_hides_the_password()
    {
        var port = FreePort.Find();

        var result = await InProcessCli.RunAsync(Environment($"postgresql://cruddur:Pa55-w0rd@127.0.0.1:{port}/cruddur"),
            "lambda", "invoke", "post-confirmation", "--event", EventFile.PathFor(nameof(Cli_invoke_prints_the_returned_event)));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"Error: cannot save cognito user 7d1c2b3a-0010-4a5b-8c9d-000000000010: cannot connect to 127.0.0.1:{port}: connection refused (is the server running?) (check CONNECTION_URL)", line);
        Assert.DoesNotContain("Pa55-w0rd", result.Output);
    }

    static Dictionary<string, string?> Environment(string connectionUrl) => new() { ["CONNECTION_URL"] = connectionUrl };
}
