using System.Net;

namespace Cruddur.Api.Tests;

public class UserFeedTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task A_user_feed_holds_only_that_users_unexpired_activities_newest_first()
    {
        var handle = await api.AddUserAsync();
        var other = await api.AddUserAsync();
        var first = await api.AddActivityAsync(handle, "first", TimeSpan.FromMinutes(3));
        await api.AddActivityAsync(handle, "gone", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(-1));
        await api.AddActivityAsync(other, "someone else", TimeSpan.FromMinutes(2));
        var second = await api.AddActivityAsync(handle, "second", TimeSpan.FromMinutes(1), TimeSpan.FromDays(3));

        var (items, _) = await api.GetArrayAsync($"/api/activities/@{handle}");

        Assert.Equal([second, first], items.Select(i => i.GetProperty("uuid").GetGuid()));
        Assert.All(items, i => Assert.Equal(handle, i.GetProperty("handle").GetString()));
    }

    [Fact]
    public async Task A_user_feed_pages_by_cursor_like_the_home_feed()
    {
        var handle = await api.AddUserAsync();
        var expected = new List<Guid>();
        for (var i = 0; i < 12; i++) expected.Insert(0, await api.AddActivityAsync(handle, $"n{i}", TimeSpan.FromSeconds(100 - i)));

        var seen = new List<Guid>();
        string? path = $"/api/activities/@{handle}?limit=5";
        while (path is not null)
        {
            var (items, response) = await api.GetArrayAsync(path);
            seen.AddRange(items.Select(i => i.GetProperty("uuid").GetGuid()));
            path = HomeFeedTests.NextPage(response);
            if (path is not null) Assert.StartsWith($"/api/activities/@{handle}?limit=5&before=", path);
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_user_without_activities_has_an_empty_array()
    {
        var handle = await api.AddUserAsync();

        var (items, response) = await api.GetArrayAsync($"/api/activities/@{handle}");

        Assert.Empty(items);
        Assert.False(response.Headers.Contains("Link"));
    }

    [Theory]
    [InlineData("nobody-by-this-name")]
    [InlineData("' OR '1'='1")]
    [InlineData("ÄndrewBröwn")]
    public async Task An_unknown_handle_is_a_404_problem_naming_it(string handle)
    {
        var response = await api.Client.GetAsync($"/api/activities/@{Uri.EscapeDataString(handle)}");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(handle, problem.Detail);
        Assert.Contains("handle", problem.Detail);
    }

    [Fact]
    public async Task A_bad_cursor_on_a_user_feed_is_a_400_naming_before()
    {
        var handle = await api.AddUserAsync();

        var problem = await Problem.ReadAsync(await api.Client.GetAsync($"/api/activities/@{handle}?before=nope"), HttpStatusCode.BadRequest);

        problem.AssertNames("before");
    }
}
