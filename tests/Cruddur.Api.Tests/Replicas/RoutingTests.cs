using System.Net;
using System.Net.Http.Json;
using Cruddur.Api.Tests.Auth;
using Cruddur.Testing;
using Microsoft.AspNetCore.Builder;

namespace Cruddur.Api.Tests.Replicas;

/// <summary>One multi-host data source: feeds on the standbys (load-balanced), posts on the primary; primary loss and promotion.</summary>
[Collection(AsyncStandbys.Collection)]
public class RoutingTests(AsyncStandbys standbys, TestUserPool pool)
{
    const string Handle = OwnCluster.Poster;
    readonly ReplicatedCluster _cluster = standbys.Cluster;

    [Fact]
    public async Task Without_the_feed_cache_feeds_are_read_from_every_standby_and_posts_are_written_on_the_primary()
    {
        // The cluster is shared: an earlier test's sessions would pass for this API's reads.
        var quiet = await Poll.UntilAsync(async () => (await Task.WhenAll(_cluster.Hosts.Select(_cluster.ApiSessionsAsync))).All(n => n == 0), TimeSpan.FromMinutes(1));
        Assert.True(quiet, "an earlier test's API still has sessions on the shared cluster after a minute");
        await using var app = await StartApiAsync(_cluster, feedCache: false);
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
        // It loses the primary, so it cannot use the shared cluster.
        await using var cluster = new ReplicatedCluster(standbys: 2, synchronous: false);
        await cluster.StartAsync();
        await using var app = await StartApiAsync(cluster);
        using var client = Client(app);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client)).StatusCode);

        await cluster.LosePrimaryAsync();
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities/home")).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            var refused = await PostAsync(client);
            var problem = await Problem.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("database", problem.Detail);
            Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        }

        var promotion = await cluster.PromoteAsync();
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

    async Task<WebApplication> StartApiAsync(ReplicatedCluster cluster, bool feedCache = true)
    {
        var app = CruddurApi.Build(pool.ApiSettings(cluster.Database) with { FeedCache = feedCache });
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
