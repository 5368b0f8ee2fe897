using System.Net;
using System.Text;
using System.Text.Json;

namespace Cruddur.Api.Tests;

/// <summary>POST /api/activities as the frontend sends it: <c>{message, ttl}</c> and the signed-in user's access token.</summary>
public class CreateActivityTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("30-days", 30 * 24)]
    [InlineData("7-days", 7 * 24)]
    [InlineData("3-days", 3 * 24)]
    [InlineData("1-day", 24)]
    [InlineData("12-hours", 12)]
    [InlineData("3-hours", 3)]
    [InlineData("1-hour", 1)]
    public async Task Posting_returns_201_a_location_and_the_activity_by_the_signed_in_user_expiring_after_its_ttl(string ttl, int hours)
    {
        var handle = await api.AddUserAsync();

        var response = await api.PostAsync(handle, new { message = "hello", ttl });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var activity = JsonDocument.Parse(body).RootElement;
        var uuid = activity.GetProperty("uuid").GetGuid();
        Assert.Equal($"/api/activities/{uuid}", response.Headers.Location?.OriginalString);
        Assert.Equal(handle, activity.GetProperty("handle").GetString());
        Assert.Equal($"Display {handle}", activity.GetProperty("display_name").GetString());
        Assert.Equal(TimeSpan.FromHours(hours),
            activity.GetProperty("expires_at").GetDateTimeOffset() - activity.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(body, await api.Client.GetStringAsync(response.Headers.Location));
        var (feed, _) = await api.GetArrayAsync($"/api/activities/@{handle}");
        Assert.Equal(uuid, Assert.Single(feed).GetProperty("uuid").GetGuid());
    }

    [Theory]
    [InlineData("Robert'); DROP TABLE activities;--")]
    [InlineData("\"quoted\" \\ backslash \\u0000 not an escape")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("line one\nline two\r\n\ttabbed")]
    [InlineData("emoji 😀👩‍👩‍👧 and ÄÖÜ ß, العربية, 中文")]
    [InlineData("\u202Eright-to-left override")]
    [InlineData("{{}} $1 @handle %s ${x}")]
    [InlineData(" ")]
    public async Task Hostile_messages_are_stored_and_returned_exactly(string message)
    {
        var handle = await api.AddUserAsync();

        var response = await api.PostAsync(handle, new { message, ttl = "1-hour" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uuid = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("uuid").GetGuid();
        Assert.Equal([message], await api.QueryAsync<string>("SELECT message FROM activities WHERE uuid = @uuid", ("uuid", uuid)));
        var shown = JsonDocument.Parse(await api.Client.GetStringAsync(response.Headers.Location)).RootElement;
        Assert.Equal(Encoding.UTF8.GetBytes(message), Encoding.UTF8.GetBytes(shown.GetProperty("message").GetString()!));
    }

    [Fact]
    public async Task A_message_of_280_characters_is_accepted_even_when_each_is_a_surrogate_pair()
    {
        var handle = await api.AddUserAsync();

        var response = await api.PostAsync(handle, new { message = string.Concat(Enumerable.Repeat("😀", 280)), ttl = "1-day" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(281)]
    [InlineData(10_000)]
    public async Task An_oversized_message_is_a_422_naming_message(int length)
    {
        var handle = await api.AddUserAsync();

        var response = await api.PostAsync(handle, new { message = new string('x', length), ttl = "1-day" });

        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.AssertNames("message");
        Assert.Contains($"it has {length}", problem.Detail);
    }

    [Theory]
    [InlineData("""{"ttl":"1-day"}""", "message")]
    [InlineData("""{"handle":"h","ttl":"1-day"}""", "message")]
    [InlineData("""{"handle":"h","message":"m"}""", "ttl")]
    [InlineData("""{"handle":"","message":"m","ttl":"1-day"}""", "handle")]
    [InlineData("""{"handle":42,"message":"m","ttl":"1-day"}""", "handle")]
    [InlineData("""{"handle":"h","message":"","ttl":"1-day"}""", "message")]
    [InlineData("""{"handle":"h","message":42,"ttl":"1-day"}""", "message")]
    [InlineData("""{"handle":"h","message":"nul \u0000 inside","ttl":"1-day"}""", "message")]
    [InlineData("""{"handle":"h","message":"lone \ud800 surrogate","ttl":"1-day"}""", "message")]
    [InlineData("""{"handle":"h","message":"m","ttl":"2-days"}""", "ttl")]
    [InlineData("""{"handle":"h","message":"m","ttl":"1-DAY"}""", "ttl")]
    [InlineData("""{"handle":"h","message":"m","ttl":3600}""", "ttl")]
    [InlineData("""{"handle":"h","message":"m","ttl":""}""", "ttl")]
    public async Task A_missing_or_invalid_field_is_a_422_naming_it(string body, string field)
    {
        var handle = await api.AddUserAsync();

        var response = await api.PostAsync(handle, new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.AssertNames(field);
    }

    [Fact]
    public async Task Every_invalid_field_is_named_at_once()
    {
        var handle = await api.AddUserAsync();

        var response = await api.PostAsync(handle, new StringContent("""{"handle":7}""", Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.AssertNames("handle");
        problem.AssertNames("message");
        problem.AssertNames("ttl");
    }

    [Fact]
    public async Task The_callers_own_handle_in_the_body_is_accepted()
    {
        var handle = await api.AddUserAsync();

        var response = await api.PostAsync(handle, new { handle, message = "with my handle", ttl = "1-day" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(handle, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("handle").GetString());
    }

    [Theory]
    [InlineData("victim")]
    [InlineData("no-such-user")]
    public async Task Posting_as_another_handle_is_a_403_and_stores_nothing(string other)
    {
        var handle = await api.AddUserAsync();
        var victim = other == "victim" ? await api.AddUserAsync("victim") : other;
        var message = $"impersonating {Guid.NewGuid()}";

        var response = await api.PostAsync(handle, new { handle = victim, message, ttl = "1-day" });

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains($"the handle {victim} is not yours (you are {handle})", problem.Detail);
        Assert.Empty(await api.QueryAsync<Guid>("SELECT uuid FROM activities WHERE message = @message", ("message", message)));
    }

    [Fact]
    public async Task A_valid_token_of_a_user_the_sign_up_trigger_has_not_written_is_a_403_saying_so()
    {
        var response = await api.PostAsync($"unwritten{Guid.NewGuid():N}", new { message = "who am I", ttl = "1-day" });

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("the sign-up trigger (the post-confirmation Lambda) has not written this user", problem.Detail);
    }

    [Theory]
    [InlineData("""{"handle":"h","message":"m",""")]
    [InlineData("""{'handle':'h'}""")]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("\"a string\"")]
    [InlineData("null")]
    public async Task A_body_that_is_not_a_json_object_is_a_400_naming_the_body(string body)
    {
        var handle = await api.AddUserAsync();

        var response = await api.PostAsync(handle, new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.AssertNames("body");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var handle = await api.AddUserAsync();

        var response = await api.PostAsync(handle, new StringContent("message=m", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await Problem.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
    }
}
