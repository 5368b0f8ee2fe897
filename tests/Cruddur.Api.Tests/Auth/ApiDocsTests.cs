using System.Net;
using System.Text.Json;

namespace Cruddur.Api.Tests.Auth;

/// <summary>The OpenAPI document and the /scalar page tell a developer where a token is needed.</summary>
public class ApiDocsTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task The_openapi_document_declares_the_bearer_scheme_on_the_post_only()
    {
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
        var paths = root.GetProperty("paths");
        var post = paths.GetProperty("/api/activities").GetProperty("post");
        Assert.True(Assert.Single(post.GetProperty("security").EnumerateArray()).TryGetProperty("Bearer", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("403", out _));
        Assert.False(paths.GetProperty("/api/activities/home").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task The_scalar_page_is_served_and_reads_the_openapi_document()
    {
        var response = await api.Client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // Scalar's script resolves the source against the site's root; Cruddur.Browser.Tests sees it load.
        Assert.Contains("\"url\":\"openapi/v1.json\"", await response.Content.ReadAsStringAsync());
    }
}
