using System.Net;

namespace Cruddur.Api.Tests;

/// <summary>HEAD answers every GET route with the GET's status and headers and no body.</summary>
public class HeadRequestTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("/api/activities/home", HttpStatusCode.OK)]
    [InlineData("/api/activities/home?limit=1", HttpStatusCode.OK)]
    [InlineData("/api/activities/@{handle}", HttpStatusCode.OK)]
    [InlineData("/api/activities/{uuid}", HttpStatusCode.OK)]
    [InlineData("/api/activities/@no-such-user", HttpStatusCode.NotFound)]
    [InlineData("/api/health", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/scalar", HttpStatusCode.OK)]
    public async Task Head_gives_the_gets_status_and_content_type_without_a_body(string route, HttpStatusCode status)
    {
        var handle = await api.AddUserAsync();
        var uuid = await api.AddActivityAsync(handle, "headed", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        var path = route.Replace("{handle}", handle).Replace("{uuid}", uuid.ToString());

        var get = await api.Client.GetAsync(path);
        var head = await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(status, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_on_the_post_route_is_405_not_a_post()
    {
        var head = await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/activities"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
    }
}
