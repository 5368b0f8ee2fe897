using System.Net;
using Microsoft.AspNetCore.Builder;
using Cruddur.Api.Tests.Auth;
using Npgsql;

namespace Cruddur.Api.Tests.Faults;

/// <summary>
/// The API under a stream of posts while its database restarts or loses every connection: each request
/// is answered 201 or 503, never 500 nor left hanging, no 201 is lost, and it serves again on its own.
/// </summary>
public class DatabaseFaultTests(OwnCluster cluster, TestUserPool pool) : IClassFixture<OwnCluster>
{
    const string Handle = OwnCluster.Poster;

    [Fact]
    public async Task A_database_restart_during_posts_gives_503s_then_serves_again_and_loses_no_201()
    {
        await using var app = await StartApiAsync();
        var stream = new PostStream(app.Address(), pool.AccessToken(Handle));
        stream.Start();
        await stream.WaitForMoreAsync(201, 20);

        await cluster.StopAsync();
        await stream.WaitForMoreAsync(503, 5);
        await cluster.StartAsync();
        await ApiHealth.AssertHealthyWithin5SecondsAsync(app.Address());
        await stream.WaitForMoreAsync(201, 20);
        var outcomes = await stream.StopAsync();

        await AssertEvery201StoredAndEveryAnswer201Or503Async(stream, outcomes);
        Assert.Contains(outcomes, o => o.Status == 503);
    }

    [Fact]
    public async Task Terminating_every_api_connection_during_posts_gives_no_500_and_loses_no_201()
    {
        await using var app = await StartApiAsync();
        var stream = new PostStream(app.Address(), pool.AccessToken(Handle));
        stream.Start();
        await stream.WaitForMoreAsync(201, 20);

        var terminated = 0;
        for (var round = 0; round < 3; round++)
        {
            terminated += (await cluster.QueryAsync<bool>("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = @database AND application_name = 'cruddur-api' AND pid <> pg_backend_pid()
                """, ("database", cluster.Database.Name))).Count(ended => ended);
            await stream.WaitForMoreAsync(201, 10);
        }
        await ApiHealth.AssertHealthyWithin5SecondsAsync(app.Address());
        var outcomes = await stream.StopAsync();

        Assert.True(terminated > 0, "no API connection was terminated");
        await AssertEvery201StoredAndEveryAnswer201Or503Async(stream, outcomes);
    }

    [Fact]
    public async Task An_api_started_without_its_database_answers_503_and_recovers_when_it_appears()
    {
        await cluster.StopAsync();
        await using var app = await StartApiAsync();
        using var client = new HttpClient { BaseAddress = app.Address(), Timeout = TimeSpan.FromSeconds(30) };

        await Problem.ReadAsync(await client.GetAsync("/api/health"), HttpStatusCode.ServiceUnavailable);
        await Problem.ReadAsync(await client.GetAsync("/api/activities/home"), HttpStatusCode.ServiceUnavailable);
        await Problem.ReadAsync(await client.GetAsync($"/api/activities/@{Handle}"), HttpStatusCode.ServiceUnavailable);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/activities")
            { Content = new StringContent("""{"message":"too early","ttl":"1-day"}""", System.Text.Encoding.UTF8, "application/json") };
        post.Headers.Authorization = new("Bearer", pool.AccessToken(Handle));
        await Problem.ReadAsync(await client.SendAsync(post), HttpStatusCode.ServiceUnavailable);
        await cluster.StartAsync();

        await ApiHealth.AssertHealthyWithin5SecondsAsync(app.Address());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities/home")).StatusCode);
        Assert.Empty(await cluster.QueryAsync<Guid>("SELECT uuid FROM activities WHERE message = 'too early'"));
    }

    async Task<WebApplication> StartApiAsync()
    {
        var app = CruddurApi.Build(pool.ApiSettings(cluster.Database));
        await app.StartAsync();
        return app;
    }

    async Task AssertEvery201StoredAndEveryAnswer201Or503Async(PostStream stream, IReadOnlyList<PostStream.Outcome> outcomes)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"answers: {stream.Summary()}");
        Assert.All(outcomes, o => Assert.True(o.Status is 201 or 503, $"an answer other than 201 or 503: {stream.Summary()}"));
        var created = stream.Created;
        var stored = await cluster.QueryAsync<Guid>("SELECT uuid FROM activities WHERE uuid = ANY(@created)", ("created", created));
        Assert.Equal(created.Order(), stored.Order());
    }
}
