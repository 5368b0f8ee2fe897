using System.Net;
using System.Net.Http.Json;
using Cruddur.Api.Tests.Auth;
using Cruddur.Testing;
using Microsoft.AspNetCore.Builder;

namespace Cruddur.Api.Tests.Replicas;

/// <summary>One multi-host data source: feeds on the standbys (load-balanced), posts on the primary; primary loss and promotion.</summary>
public class RoutingTests(TestUserPool pool) : IAsyncLifetime
{
    const string Handle = OwnCluster.Poster;
    readonly ReplicatedCluster _cluster = new(standbys: 2, synchronous: false);

    public async ValueTask InitializeAsync() => await _cluster.StartAsync();

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Without_the_feed_cache_feeds_are_read_from_every_standby_and_posts_are_written_on_the_primary()
    {
        await using var app = await StartApiAsync(feedCache: false);
        using var client = Client(app);

        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities/home")).StatusCode);
        var created = await PostAsync(client);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var uuid = await UuidAsync(created);
        Assert.Single(await _cluster.QueryAsync<Guid>(_cluster.Hosts[0], "SELECT uuid FROM activities WHERE uuid = @uuid", ("uuid", uuid)));
        foreach (var standby in _cluster.Hosts.Skip(1))
        {
            Assert.True(await _cluster.ApiSessionsAsync(standby) > 0, $"the API never read from {standby}");
            await _cluster.WaitForActivityAsync(standby, uuid);
        }
    }

    [Fact]
    public async Task Primary_loss_keeps_feeds_served_gives_posts_503_and_after_promote_posts_succeed_without_a_restart()
    {
        await using var app = await StartApiAsync();
        using var client = Client(app);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client)).StatusCode);

        await _cluster.LosePrimaryAsync();
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities/home")).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            var refused = await PostAsync(client);
            var problem = await Problem.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("database", problem.Detail);
            Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        }

        var promotion = await _cluster.PromoteAsync();
        var answers = new List<HttpStatusCode>();
        var created = await Poll.UntilAsync(async () =>
        {
            answers.Add((await PostAsync(client)).StatusCode);
            return answers[^1] == HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(30));
        Assert.True(created, $"posts still fail 30 s after {promotion.Promoted} was promoted: {string.Join(", ", answers)}");
        Assert.All(answers[..^1], status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities/home")).StatusCode);
    }

    async Task<WebApplication> StartApiAsync(bool feedCache = true)
    {
        var app = CruddurApi.Build(pool.ApiSettings(_cluster.Database) with { FeedCache = feedCache });
        await app.StartAsync();
        return app;
    }

    // A hung request fails the test: every answer must come well within this.
    HttpClient Client(WebApplication app) => new()
    {
        BaseAddress = app.Address(),
        Timeout = TimeSpan.FromSeconds(20),
        DefaultRequestHeaders = { Authorization = new("Bearer", pool.AccessToken(Handle)) },
    };

    static Task<HttpResponseMessage> PostAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/activities", new { handle = Handle, message = "replicated", ttl = "1-day" });

    static async Task<Guid> UuidAsync(HttpResponseMessage created) =>
        (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("uuid").GetGuid();
}
