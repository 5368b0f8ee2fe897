using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Cruddur.Api.Tests.Auth;
using Cruddur.Testing;
using Cruddur.Chores.Local;

namespace Cruddur.Api.Tests.Faults;

/// <summary>SIGTERM to <c>cruddur serve</c> (what a container runtime sends) while posts stream in.</summary>
public class GracefulShutdownTests(PostgresServer server, TestUserPool pool)
{
    const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill")]
    static extern int SendSignal(int pid, int signal);

    [Fact]
    public async Task Sigterm_during_posts_finishes_the_request_in_flight_closes_the_pool_and_loses_no_201()
    {
        var database = await server.CreateDatabaseAsync("graceful_shutdown");
        await Rows.ReadAsync<int>(database.Settings, "INSERT INTO users (display_name, handle, cognito_user_id) VALUES ('Shut Down', 'shutdown', @sub)",
            ("sub", TestUserPool.SubOf("shutdown")));
        var port = FreePort.Find();
        using var serve = Process.Start(CliProcess.StartInfo(
            new Dictionary<string, string?>(pool.Environment) { ["CONNECTION_URL"] = database.Settings.ConnectionString, ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null },
            "serve", "--port", port.ToString()))!;
        var stdout = new List<string>();
        await ServeOutput.ReadUntilAsync(serve, stdout, line => line.StartsWith("Listening: "));
        var api = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
        var heldBack = new HeldBackContent("""{"message":"in flight at SIGTERM","ttl":"1-day"}""");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/activities") { Content = heldBack };
        post.Headers.Authorization = new("Bearer", pool.AccessToken("shutdown"));
        var inFlight = client.SendAsync(post);
        await heldBack.FirstHalfSent.WaitAsync(TimeSpan.FromSeconds(60));
        var stream = new PostStream(api, pool.AccessToken("shutdown"));
        stream.Start();
        await stream.WaitForMoreAsync(201, 20);

        Assert.Equal(0, SendSignal(serve.Id, SigTerm));
        await stream.WaitForFailureAsync("ConnectionRefused");
        heldBack.Release();
        var finished = await inFlight;
        var outcomes = await stream.StopAsync();
        await ServeOutput.ReadUntilAsync(serve, stdout, line => line == "Stopped");
        await serve.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        TestContext.Current.TestOutputHelper?.WriteLine($"answers: {stream.Summary()}");
        Assert.Equal(HttpStatusCode.Created, finished.StatusCode);
        var inFlightUuid = JsonDocument.Parse(await finished.Content.ReadAsStringAsync()).RootElement.GetProperty("uuid").GetGuid();
        // A connection Kestrel accepted but whose request it had not begun is closed unanswered at shutdown
        // (ResponseEnded, ConnectionReset): never acknowledged, so nothing acknowledged is lost.
        Assert.All(outcomes, o => Assert.True(o.Status == 201 || o.Failure is "ConnectionRefused" or "ConnectionReset" or "ResponseEnded",
            $"an answer other than 201 or a closed connection: {stream.Summary()}"));
        Guid[] created = [.. stream.Created, inFlightUuid];
        Assert.Equal(created.Order(), (await Rows.ReadAsync<Guid>(database.Settings, "SELECT uuid FROM activities WHERE uuid = ANY(@created)", ("created", created))).Order());
        Assert.Equal(0, serve.ExitCode);
        Assert.Equal(0, await ApiConnectionsAsync(database));
    }

    [Fact]
    public async Task Stopping_the_api_closes_every_connection_of_its_pool()
    {
        var database = await server.CreateDatabaseAsync("stopping_closes_the_pool");
        var app = CruddurApi.Build(new ApiSettings(database, 0, null));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address(), Timeout = TimeSpan.FromSeconds(60) };
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/api/activities/home")));
        var whileServing = await ApiConnectionsAsync(database, untilZero: false);

        await app.StopAsync();
        await app.DisposeAsync();

        Assert.True(whileServing > 0, "the API held no connection while serving");
        Assert.Equal(0, await ApiConnectionsAsync(database));
    }

    /// <summary>The API's sessions on the server; a closed session leaves pg_stat_activity shortly after, so wait a bounded time for zero.</summary>
    static async Task<long> ApiConnectionsAsync(Data.Settings.Database database, bool untilZero = true)
    {
        var count = 0L;
        await Poll.UntilAsync(async () =>
        {
            count = (await Rows.ReadAsync<long>(database.Settings,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = @database AND application_name = 'cruddur-api'", ("database", database.Name))).Single();
            return !untilZero || count == 0;
        }, TimeSpan.FromSeconds(30));
        return count;
    }

}
