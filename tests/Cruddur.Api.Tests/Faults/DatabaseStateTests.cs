using System.Diagnostics;
using System.Net;
using Cruddur.Testing;

namespace Cruddur.Api.Tests.Faults;

/// <summary>
/// The database states the API knows (server down is in <see cref="OutageTests"/>): a database dropped
/// while the pool was idle, a database without the schema. Each is a 503 naming it, with Retry-After,
/// from the feeds and /api/health alike, and one log line rather than a stack trace per request.
/// </summary>
public class DatabaseStateTests(PostgresServer server)
{
    [Fact]
    public async Task A_database_dropped_while_the_pool_is_idle_is_a_503_naming_it_then_a_missing_schema_likewise()
    {
        var database = await server.CreateDatabaseAsync("dropped_database");
        await using var app = CruddurApi.Build(new ApiSettings(database, 0, null));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address(), Timeout = TimeSpan.FromSeconds(60) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities/home")).StatusCode);

        await server.ExecuteAsync($"DROP DATABASE \"{database.Name}\" WITH (FORCE)");

        // The first request may meet the pooled connection the drop ended (server down); then the state is named.
        await AssertSoon503NamingAsync(client, "/api/activities/home", $"the database {database.Name} does not exist (run: cruddur db create)");
        await AssertSoon503NamingAsync(client, "/api/health", $"the database {database.Name} does not exist");
        await server.ExecuteAsync($"CREATE DATABASE \"{database.Name}\"");
        await AssertSoon503NamingAsync(client, "/api/activities/home", $"the database {database.Name} has no activities schema (run: cruddur db schema-load)");
        await AssertSoon503NamingAsync(client, "/api/activities/@bayko", "has no activities schema");
        await server.ExecuteAsync($"DROP DATABASE \"{database.Name}\" WITH (FORCE)");
    }

    [Fact]
    public async Task Cruddur_serve_logs_each_state_once_without_a_stack_trace_however_many_requests_meet_it()
    {
        var database = await server.CreateDatabaseAsync("logged_states");
        using var serve = Process.Start(CliProcess.StartInfo(
            new Dictionary<string, string?> { ["CONNECTION_URL"] = database.Settings.ConnectionString, ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null },
            "serve", "--port", "0"))!;
        try
        {
            var lines = new List<string>();
            var listening = await ServeOutput.ReadUntilAsync(serve, lines, line => line.StartsWith("Listening: "));
            using var client = new HttpClient { BaseAddress = new Uri(listening.Split(' ')[1]), Timeout = TimeSpan.FromSeconds(60) };
            await server.ExecuteAsync($"DROP DATABASE \"{database.Name}\" WITH (FORCE)");

            for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/activities/home")).StatusCode);
            await server.ExecuteAsync($"CREATE DATABASE \"{database.Name}\"");
            await AssertSoon503NamingAsync(client, "/api/activities/home", "has no activities schema");
            // The next state's line comes after every line the ten requests could have logged.
            await ServeOutput.ReadUntilAsync(serve, lines, line => line.Contains("has no activities schema"));

            var logged = lines.SkipWhile(line => !line.StartsWith("Listening: ")).Skip(1).ToList();
            Assert.Single(logged, line => line.Contains($"the database {database.Name} does not exist"));
            Assert.DoesNotContain(logged, line => line.TrimStart().StartsWith("at ") || line.Contains("Exception"));
            Assert.True(logged.Count <= 6, $"more than one line per state:\n{string.Join('\n', logged)}");
        }
        finally
        {
            serve.Kill();
            await server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database.Name}\" WITH (FORCE)");
        }
    }

    static async Task AssertSoon503NamingAsync(HttpClient client, string path, string detail)
    {
        var answers = new List<string?>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var response = await client.GetAsync(path);
            var problem = await Problem.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("5", Assert.Single(response.Headers.GetValues("Retry-After")));
            answers.Add(problem.Detail);
            if (problem.Detail!.Contains(detail)) return;
        }
        Assert.Fail($"{path} never named '{detail}': {string.Join(" | ", answers)}");
    }
}
