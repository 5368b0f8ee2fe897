using System.Net;
using System.Net.Http.Headers;
using Cruddur.Testing;
using static Cruddur.Api.Tests.Feeds.FeedClient;

namespace Cruddur.Api.Tests.Feeds;

/// <summary>The feed cache against the shared test server: it serves, and it is never stale.</summary>
public class FeedCacheTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task A_repeated_read_is_a_hit_and_a_post_through_the_api_shows_in_the_next_read()
    {
        await WaitUntilListeningAsync(api.Client);
        var handle = await api.AddUserAsync();
        await WaitUntilAReadIsAHitAsync(api.Client);

        var posted = await api.PostAsync(handle, Post(handle, "posted then read"));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Contains("posted then read", await MessagesAsync(api.Client));
        Assert.Contains("posted then read", await MessagesAsync(api.Client, $"/api/activities/@{handle}"));
    }

    [Fact]
    public async Task A_write_made_with_psql_reaches_a_cached_feed_through_the_notification()
    {
        await WaitUntilListeningAsync(api.Client);
        var handle = await api.AddUserAsync();
        Assert.DoesNotContain("written with psql", await MessagesAsync(api.Client));
        await MessagesAsync(api.Client, $"/api/activities/@{handle}");
        var emptiedBefore = (await CacheAsync(api.Client)).Emptied;

        await Psql.RunAsync(api.Database.Settings,
            $"INSERT INTO activities (user_uuid, message) SELECT uuid, 'written with psql' FROM users WHERE handle = '{handle}'");

        await WaitUntilAsync(async () => (await MessagesAsync(api.Client)).Contains("written with psql"), "in the home feed");
        Assert.True((await CacheAsync(api.Client)).Emptied > emptiedBefore, "/api/health did not count the emptying");
        await WaitUntilAsync(async () => (await MessagesAsync(api.Client, $"/api/activities/@{handle}")).Contains("written with psql"), "in the user's feed");
        await Psql.RunAsync(api.Database.Settings, $"UPDATE users SET display_name = 'Renamed' WHERE handle = '{handle}'");
        await WaitUntilAsync(async () => (await api.Client.GetStringAsync($"/api/activities/@{handle}")).Contains("Renamed"), "renamed");
        await Psql.RunAsync(api.Database.Settings, "DELETE FROM activities WHERE message = 'written with psql'");
        await WaitUntilAsync(async () => !(await MessagesAsync(api.Client)).Contains("written with psql"), "gone");
    }

    [Fact]
    public async Task An_activity_that_expires_while_its_page_is_cached_is_not_served_after_it_expired()
    {
        await WaitUntilListeningAsync(api.Client);
        var handle = await api.AddUserAsync();
        await api.AddActivityAsync(handle, "expires soon", TimeSpan.Zero, TimeSpan.FromSeconds(3));
        var expiresAt = (await api.QueryAsync<DateTime>("SELECT expires_at FROM activities WHERE message = 'expires soon'")).Single();
        Assert.Contains("expires soon", await MessagesAsync(api.Client));
        Assert.Contains("expires soon", await MessagesAsync(api.Client));

        await WaitUntilAsync(async () => (await api.QueryAsync<bool>("SELECT now() > @at", ("at", expiresAt))).Single(), "expired");

        Assert.DoesNotContain("expires soon", await MessagesAsync(api.Client));
        Assert.DoesNotContain("expires soon", await MessagesAsync(api.Client, $"/api/activities/@{handle}"));
    }

    [Fact]
    public async Task Every_feed_page_has_an_etag_answered_with_304_until_the_feed_changes()
    {
        var handle = await api.AddUserAsync();
        foreach (var path in new[] { "/api/activities/home", $"/api/activities/@{handle}", "/api/activities/home?limit=1&before=" + await CursorAsync(handle) })
        {
            var first = await api.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.True(first.Headers.CacheControl?.NoCache, $"{path} has no Cache-Control: no-cache");
            var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException($"{path} has no ETag");

            using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
            revalidate.Headers.IfNoneMatch.Add(etag);
            var notModified = await api.Client.SendAsync(revalidate);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, notModified.Headers.ETag);
        }

        var feed = await api.Client.GetAsync($"/api/activities/@{handle}");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(handle, Post(handle, "changes the tag"))).StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/activities/@{handle}");
        stale.Headers.IfNoneMatch.Add(feed.Headers.ETag!);
        var changed = await api.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(feed.Headers.ETag, changed.Headers.ETag);
    }

    async Task<string> CursorAsync(string handle)
    {
        await api.AddActivityAsync(handle, "paged", TimeSpan.FromMinutes(1));
        await api.AddActivityAsync(handle, "paged", TimeSpan.FromMinutes(2));
        var link = (await api.Client.GetAsync("/api/activities/home?limit=1")).Headers.GetValues("Link").Single();
        return link[(link.IndexOf("before=", StringComparison.Ordinal) + 7)..link.IndexOf('>')];
    }
}
