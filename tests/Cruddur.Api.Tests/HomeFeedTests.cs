using System.Net;
using System.Text.Json;

namespace Cruddur.Api.Tests;

public class HomeFeedTests(ApiServer api) : IClassFixture<ApiServer>
{
    static readonly string[] ActivityFields =
    [
        "uuid", "display_name", "handle", "message", "replies_count", "reposts_count",
        "likes_count", "reply_to_activity_uuid", "expires_at", "created_at",
    ];

    [Fact]
    public async Task Home_feed_is_newest_first_and_leaves_out_expired_activities_unlike_the_document()
    {
        // The document's query returned every activity, expired or not.
        var handle = await api.AddUserAsync();
        var old = await api.AddActivityAsync(handle, "old", TimeSpan.FromMinutes(30), expiresIn: null);
        var expired = await api.AddActivityAsync(handle, "expired", TimeSpan.FromMinutes(20), expiresIn: TimeSpan.FromSeconds(-1));
        var recent = await api.AddActivityAsync(handle, "recent", TimeSpan.FromMinutes(10), expiresIn: TimeSpan.FromDays(1));

        var (items, _) = await api.GetArrayAsync("/api/activities/home?limit=100");

        var mine = items.Where(i => i.GetProperty("handle").GetString() == handle).Select(i => i.GetProperty("uuid").GetGuid()).ToList();
        Assert.Equal([recent, old], mine);
        Assert.DoesNotContain(expired, mine);
    }

    [Fact]
    public async Task An_activity_has_the_documented_fields_as_postgres_builds_them()
    {
        var handle = await api.AddUserAsync();
        var uuid = await api.AddActivityAsync(handle, "shape", TimeSpan.Zero, TimeSpan.FromDays(10));

        var (items, response) = await api.GetArrayAsync("/api/activities/home?limit=100");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var activity = items.Single(i => i.GetProperty("uuid").GetGuid() == uuid);
        Assert.Equal(ActivityFields, activity.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"Display {handle}", activity.GetProperty("display_name").GetString());
        Assert.Equal("shape", activity.GetProperty("message").GetString());
        Assert.Equal(0, activity.GetProperty("likes_count").GetInt32());
        Assert.Equal(JsonValueKind.Null, activity.GetProperty("reply_to_activity_uuid").ValueKind);
        var created = activity.GetProperty("created_at").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(10), activity.GetProperty("expires_at").GetDateTimeOffset() - created);
    }

    [Fact]
    public async Task Paging_by_cursor_visits_every_unexpired_activity_once_in_order()
    {
        var handle = await api.AddUserAsync();
        for (var i = 0; i < 23; i++)
            await api.AddActivityAsync(handle, $"page {i}", TimeSpan.FromSeconds(i % 5), TimeSpan.FromHours(1));
        // Same created_at for several rows: the uuid breaks the tie, so none is skipped or repeated.
        await api.ChangeFeedsAsync("UPDATE activities SET created_at = date_trunc('second', created_at)");
        var expected = await api.QueryAsync<Guid>(
            "SELECT uuid FROM activities WHERE expires_at IS NULL OR expires_at > now() ORDER BY created_at DESC, uuid DESC");

        var seen = new List<Guid>();
        var path = "/api/activities/home?limit=7";
        var pages = 0;
        while (path is not null)
        {
            var (items, response) = await api.GetArrayAsync(path);
            Assert.True(items.Count <= 7);
            seen.AddRange(items.Select(i => i.GetProperty("uuid").GetGuid()));
            path = NextPage(response);
            pages++;
        }

        Assert.Equal(expected, seen);
        Assert.Equal(expected.Count / 7 + 1, pages);
    }

    [Fact]
    public async Task The_limit_defaults_to_20_and_the_next_page_is_a_link_header()
    {
        var handle = await api.AddUserAsync();
        for (var i = 0; i < 21; i++) await api.AddActivityAsync(handle, $"limit {i}", TimeSpan.FromSeconds(i));

        var (items, response) = await api.GetArrayAsync("/api/activities/home");

        Assert.Equal(20, items.Count);
        var link = Assert.Single(response.Headers.GetValues("Link"));
        Assert.Matches("^</api/activities/home\\?limit=20&before=[A-Za-z0-9_-]{32}>; rel=\"next\"$", link);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1.5")]
    [InlineData("")]
    public async Task A_limit_outside_1_to_100_is_a_400_naming_limit(string limit)
    {
        var problem = await Problem.ReadAsync(await api.Client.GetAsync($"/api/activities/home?limit={Uri.EscapeDataString(limit)}"), HttpStatusCode.BadRequest);

        problem.AssertNames("limit");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("AAZhMiB5CWr9D5Ck5mpPm7Bokja9EDmjAA")]
    [InlineData("AAZhMiB5CWr9D5Ck5mpPm7Bokja9EDm!")]
    [InlineData("' OR 1=1 --")]
    public async Task A_cursor_this_service_did_not_issue_is_a_400_naming_before(string before)
    {
        var problem = await Problem.ReadAsync(await api.Client.GetAsync($"/api/activities/home?before={Uri.EscapeDataString(before)}"), HttpStatusCode.BadRequest);

        problem.AssertNames("before");
    }

    internal static string? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        var link = Assert.Single(values);
        Assert.EndsWith("; rel=\"next\"", link);
        return link[1..link.IndexOf('>')];
    }
}
