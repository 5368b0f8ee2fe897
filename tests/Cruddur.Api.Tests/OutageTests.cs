using System.Net;
using Cruddur.Api.Tests.Auth;
using Microsoft.AspNetCore.Builder;

namespace Cruddur.Api.Tests;

/// <summary>A cluster of its own, stopped and started under a running API.</summary>
public class OutageTests(OwnCluster cluster, TestUserPool pool) : IClassFixture<OwnCluster>, IAsyncLifetime
{
    WebApplication? _app;
    HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _app = CruddurApi.Build(pool.ApiSettings(cluster.Database));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = _app.Address(), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_stopped_database_gives_503_problems_and_the_api_recovers_when_it_is_back()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/activities/home")).StatusCode);

        await cluster.StopAsync();

        var health = await Problem.ReadAsync(await _client.GetAsync("/api/health"), HttpStatusCode.ServiceUnavailable);
        Assert.Contains("database", health.Detail);
        var feed = await Problem.ReadAsync(await _client.GetAsync("/api/activities/home"), HttpStatusCode.ServiceUnavailable);
        Assert.Contains("database", feed.Detail);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/activities")
            { Content = new StringContent("""{"message":"m","ttl":"1-day"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", pool.AccessToken(OwnCluster.Poster));
        var post = await _client.SendAsync(request);
        var posted = await Problem.ReadAsync(post, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("5", Assert.Single(post.Headers.GetValues("Retry-After")));
        Assert.DoesNotContain("127.0.0.1", posted.Root.GetRawText());

        await cluster.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/health")).StatusCode);
        var (items, _) = await GetHomeAsync();
        Assert.Equal("This was imported as seed data!", Assert.Single(items));
    }

    async Task<(List<string> Messages, HttpResponseMessage Response)> GetHomeAsync()
    {
        var response = await _client.GetAsync("/api/activities/home");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (document.RootElement.EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList(), response);
    }
}
