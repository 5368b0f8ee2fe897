using System.Net;
using Microsoft.AspNetCore.Builder;
using static Cruddur.Api.Tests.Feeds.FeedClient;

namespace Cruddur.Api.Tests.Feeds;

/// <summary>The listening connection lost (ended by the server, or the server restarted): no page is served stale.</summary>
public class FeedListenerFaultTests(OwnCluster cluster) : IClassFixture<OwnCluster>, IAsyncLifetime
{
    WebApplication _app = null!;
    HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _app = CruddurApi.Build(new ApiSettings(cluster.Database, 0, null));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = _app.Address(), Timeout = TimeSpan.FromSeconds(60) };
        await WaitUntilListeningAsync(_client);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    Task<List<int>> ListenersAsync() => cluster.QueryAsync<int>(
        "SELECT pid FROM pg_stat_activity WHERE datname = @database AND application_name = 'cruddur-api-listener'", ("database", cluster.Database.Name));

    [Fact]
    public async Task A_write_while_the_listener_is_terminated_is_in_the_first_read_after_it_listens_again()
    {
        await MessagesAsync(_client);
        var listener = Assert.Single(await ListenersAsync());

        // In one statement: the write commits after the listener was told to end, so its notification may never arrive.
        await cluster.QueryAsync<bool>("""
            WITH written AS (INSERT INTO activities (user_uuid, message) SELECT uuid, 'while terminated' FROM users WHERE handle = 'bayko')
            SELECT pg_terminate_backend(@listener)
            """, ("listener", listener));
        await WaitUntilAsync(async () => (await ListenersAsync()).Any(pid => pid != listener) && (await CacheAsync(_client)).State == "listening", "listening on a new connection");

        Assert.Contains("while terminated", await MessagesAsync(_client));
        Assert.Contains("while terminated", await MessagesAsync(_client));
    }

    [Fact]
    public async Task Across_a_database_restart_nothing_is_served_from_the_cache_and_a_psql_write_is_seen_after()
    {
        Assert.Contains("This was imported as seed data!", await MessagesAsync(_client));
        await MessagesAsync(_client);

        await cluster.StopAsync();
        // The cached page is not served while the listener is down: the feed says the database is down.
        await WaitUntilAsync(async () => (await _client.GetAsync("/api/activities/home")).StatusCode == HttpStatusCode.ServiceUnavailable, "503");
        await cluster.StartAsync();
        await Psql.RunAsync(cluster.Database.Settings,
            "INSERT INTO activities (user_uuid, message) SELECT uuid, 'after the restart' FROM users WHERE handle = 'bayko'");
        await WaitUntilListeningAsync(_client);

        Assert.Contains("after the restart", await MessagesAsync(_client));
        await WaitUntilAReadIsAHitAsync(_client);
    }
}
