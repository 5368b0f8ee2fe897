using System.Net;
using System.Text.Json;
using Cruddur.Testing;

namespace Cruddur.Api.Tests.Feeds;

/// <summary>What a client of the feeds sees: the messages of a page, and the cache as /api/health reports it.</summary>
static class FeedClient
{
    public static async Task<List<string>> MessagesAsync(HttpClient client, string path = "/api/activities/home?limit=100")
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return page.RootElement.EnumerateArray().Select(a => a.GetProperty("message").GetString()!).ToList();
    }

    public static async Task<(string State, long Hits, long Misses, long Emptied)> CacheAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var cache = health.RootElement.GetProperty("feedCache");
        return (cache.GetProperty("state").GetString()!, cache.GetProperty("hits").GetInt64(), cache.GetProperty("misses").GetInt64(),
            cache.GetProperty("emptied").GetInt64());
    }

    /// <summary>Polls (a generous bound, not a speed test) until <paramref name="done"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        Assert.True(await Poll.UntilAsync(done, TimeSpan.FromSeconds(30)), $"still not {what} after 30 s");
    }

    public static Task WaitUntilListeningAsync(HttpClient client) =>
        WaitUntilAsync(async () => (await CacheAsync(client)).State == "listening", "listening");

    /// <summary>Waits until a read of the home feed is answered from the cache (a notification of an earlier write may still empty it once).</summary>
    public static Task WaitUntilAReadIsAHitAsync(HttpClient client) =>
        WaitUntilAsync(async () =>
        {
            var before = (await CacheAsync(client)).Hits;
            await MessagesAsync(client);
            return (await CacheAsync(client)).Hits > before;
        }, "a hit");

    public static StringContent Post(string handle, string message) =>
        new($$"""{"handle":"{{handle}}","message":"{{message}}","ttl":"1-day"}""", System.Text.Encoding.UTF8, "application/json");
}
