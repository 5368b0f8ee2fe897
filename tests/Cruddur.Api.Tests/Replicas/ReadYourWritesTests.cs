using System.Net;
using System.Net.Http.Json;
using Cruddur.Api.Tests.Auth;
using Microsoft.AspNetCore.Builder;

namespace Cruddur.Api.Tests.Replicas;

/// <summary>A client that posts and then reads from a standby sees its post: the 201's Commit-Lsn, sent back as Read-After-Lsn.</summary>
[Collection(AsyncStandbys.Collection)]
public class ReadYourWritesTests(AsyncStandbys standbys, TestUserPool pool) : IAsyncLifetime
{
    const string Handle = OwnCluster.Poster;
    readonly ReplicatedCluster _cluster = standbys.Cluster;
    WebApplication _app = null!;
    HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _app = CruddurApi.Build(pool.ApiSettings(_cluster.Database));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = _app.Address(), Timeout = TimeSpan.FromSeconds(20) };
        _client.DefaultRequestHeaders.Authorization = new("Bearer", pool.AccessToken(Handle));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_read_carrying_the_commit_lsn_sees_the_post_though_no_standby_has_replayed_it()
    {
        foreach (var standby in _cluster.Hosts.Skip(1)) await _cluster.QueryAsync<object>(standby, "SELECT pg_wal_replay_pause()");
        var created = await _client.PostAsJsonAsync("/api/activities", new { handle = Handle, message = "read your writes", ttl = "1-day" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var lsn = Assert.Single(created.Headers.GetValues("Commit-Lsn"));
        var location = created.Headers.Location!.ToString();

        // Without the position a standby answers, and it does not have the post yet; the feed cache's
        // first page is read on the primary, so it never keeps the page from before the post.
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(location)).StatusCode);
        Assert.Contains("read your writes", await _client.GetStringAsync("/api/activities/home"));
        Assert.Equal(HttpStatusCode.OK, (await GetAfterAsync(location, lsn)).StatusCode);
        Assert.Contains("read your writes", await (await GetAfterAsync("/api/activities/home", lsn)).Content.ReadAsStringAsync());
        Assert.Contains("read your writes", await (await GetAfterAsync($"/api/activities/@{Handle}", lsn)).Content.ReadAsStringAsync());

        foreach (var standby in _cluster.Hosts.Skip(1)) await _cluster.QueryAsync<object>(standby, "SELECT pg_wal_replay_resume()");
        foreach (var standby in _cluster.Hosts.Skip(1)) await _cluster.WaitForActivityAsync(standby, Guid.Parse(location.Split('/')[^1]));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task Every_post_read_back_with_its_commit_lsn_is_seen_while_other_posts_stream()
    {
        var stream = new PostStream(_app.Address(), pool.AccessToken(Handle));
        stream.Start();
        for (var i = 0; i < 30; i++)
        {
            var created = await _client.PostAsJsonAsync("/api/activities", new { handle = Handle, message = $"mine {i}", ttl = "1-day" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var read = await GetAfterAsync(created.Headers.Location!.ToString(), Assert.Single(created.Headers.GetValues("Commit-Lsn")));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
        await stream.StopAsync();
        Assert.True(stream.Count(201) > 0, $"the stream of other posts made none: {stream.Summary()}");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0/ZZ")]
    [InlineData("' OR 1=1 --")]
    [InlineData("")]
    public async Task A_malformed_read_after_lsn_is_a_400_naming_the_header(string value)
    {
        var response = await GetAfterAsync("/api/activities/home", value);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.AssertNames("Read-After-Lsn");
    }

    Task<HttpResponseMessage> GetAfterAsync(string path, string lsn)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Read-After-Lsn", lsn);
        return _client.SendAsync(request);
    }
}
