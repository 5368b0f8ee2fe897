using System.Net;

namespace Cruddur.Api.Tests;

public class ErrorTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        await Problem.ReadAsync(await api.Client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        await Problem.ReadAsync(await api.Client.DeleteAsync("/api/activities/home"), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Showing_an_unknown_activity_is_a_404_not_an_empty_object()
    {
        // The document's query_wrap_object falls back to '{}', which never happens (no row, not a null row);
        // the API answers 404 instead of an empty object.
        var problem = await Problem.ReadAsync(await api.Client.GetAsync($"/api/activities/{Guid.NewGuid()}"), HttpStatusCode.NotFound);

        Assert.Contains("no activity", problem.Detail);
    }

    [Fact]
    public async Task A_server_error_is_a_500_problem_showing_neither_sql_nor_connection_settings()
    {
        // A refusal the API has no answer for (a constraint it does not know) is a bug: 500.
        var handle = await api.AddUserAsync();
        await api.ExecuteAsync("ALTER TABLE activities ADD CONSTRAINT refuse_everything CHECK (false) NOT VALID");
        try
        {
            var response = await api.PostAsync(handle, new StringContent(
                $$"""{"handle":"{{handle}}","message":"refused","ttl":"1-day"}""", System.Text.Encoding.UTF8, "application/json"));

            var problem = await Problem.ReadAsync(response, HttpStatusCode.InternalServerError);
            var body = problem.Root.GetRawText();
            Assert.DoesNotContain("INSERT", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("activities", body);
            Assert.DoesNotContain("refuse_everything", body);
            Assert.DoesNotContain("23514", body);
            Assert.DoesNotContain(api.Database.Settings.Password!, body);
            Assert.DoesNotContain(api.Database.Name, body);
            Assert.DoesNotContain(api.Database.Settings.Port.ToString(), body);
        }
        finally
        {
            await api.ExecuteAsync("ALTER TABLE activities DROP CONSTRAINT refuse_everything");
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/activities/home").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/activities/@{handle}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/activities/{uuid}").TryGetProperty("get", out _));
        var post = paths.GetProperty("/api/activities").GetProperty("post");
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(paths.GetProperty("/api/health").TryGetProperty("get", out _));
        var activity = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Activity").GetProperty("properties");
        Assert.True(activity.TryGetProperty("reply_to_activity_uuid", out _));
    }
}
