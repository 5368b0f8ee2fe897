using System.Text.Json;
using Cruddur.Testing;
using static Cruddur.PostConfirmation.Tests.UserRows;

namespace Cruddur.PostConfirmation.Tests.Cli;

/// <summary>End to end: the AWS CLI's own <c>lambda invoke</c> against <c>cruddur lambda serve</c>, then the row in PostgreSQL.</summary>
public class ServeCommandTests(PostgresServer server)
{
    [Theory]
    [InlineData("cruddur-post-confirmation")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:cruddur-post-confirmation")]
    public async Task Aws_cli_invoke_through_serve_inserts_the_user(string functionName)
    {
        var database = await server.CreateDatabaseAsync(nameof(ServeCommandTests));
        await using var serve = await ServeProcess.StartAsync(database.Settings.ConnectionString);
        var eventFile = EventFile.PathFor();

        var invocation = await AwsCli.InvokeAsync(serve.Url, functionName, eventFile);

        Assert.True(invocation.ExitCode == 0, invocation.Stderr);
        using var response = JsonDocument.Parse(invocation.Stdout);
        Assert.Equal(200, response.RootElement.GetProperty("StatusCode").GetInt32());
        Assert.False(response.RootElement.TryGetProperty("FunctionError", out _));
        Assert.Equal(await File.ReadAllTextAsync(eventFile), invocation.Payload);
        var row = Assert.Single(await WithSubAsync(database, "7d1c2b3a-0011-4a5b-8c9d-000000000011"));
        Assert.Equal(new UserRow("Über Émoji 🦆", "emoji@example.com", "überduck", "7d1c2b3a-0011-4a5b-8c9d-000000000011"), row);
    }

    [Fact]
    public async Task Aws_cli_reports_a_function_error_from_serve()
    {
        var database = await server.CreateDatabaseAsync(nameof(ServeCommandTests));
        await using var serve = await ServeProcess.StartAsync(database.Settings.ConnectionString);

        var invocation = await AwsCli.InvokeAsync(serve.Url, "cruddur-post-confirmation", EventFile.PathFor());

        Assert.True(invocation.ExitCode == 0, invocation.Stderr);
        using var response = JsonDocument.Parse(invocation.Stdout);
        Assert.Equal("Unhandled", response.RootElement.GetProperty("FunctionError").GetString());
        using var error = JsonDocument.Parse(invocation.Payload);
        Assert.Equal("CruddurException", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("request.userAttributes.name is missing or empty (required for PostConfirmation_ConfirmSignUp)",
            error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Empty(await WithHandleAsync(database, "noname"));
    }

    [Fact]
    public async Task Aws_cli_gets_resource_not_found_for_another_function_name()
    {
        var database = await server.CreateDatabaseAsync(nameof(ServeCommandTests));
        await using var serve = await ServeProcess.StartAsync(database.Settings.ConnectionString);

        var invocation = await AwsCli.InvokeAsync(serve.Url, "cruddur-other-function",
            EventFile.PathFor(nameof(Aws_cli_invoke_through_serve_inserts_the_user)));

        Assert.NotEqual(0, invocation.ExitCode);
        Assert.Contains("An error occurred (ResourceNotFoundException) when calling the Invoke operation", invocation.Stderr);
        Assert.Contains("Function not found: cruddur-other-function", invocation.Stderr);
        Assert.Empty(await WithSubAsync(database, "7d1c2b3a-0011-4a5b-8c9d-000000000011"));
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_prints_one_error_line_and_exits_1()
    {
        var database = await server.CreateDatabaseAsync(nameof(ServeCommandTests));
        using var occupant = new OccupiedPort();
        var port = occupant.Port;

        var result = await InProcessCli.RunAsync(new Dictionary<string, string?> { ["CONNECTION_URL"] = database.Settings.ConnectionString },
            "lambda", "serve", "--port", port.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: port {port} on 127.0.0.1 is already in use (pass another --port, or 0 for a free one)", result.Stderr.TrimEnd('\n'));
    }
}
