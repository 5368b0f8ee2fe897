using System.Net;
using System.Net.Http.Json;

namespace Cruddur.Api.Tests.Cors;

/// <summary>Real preflights and requests, as a browser sends them from the frontend's origin and from a foreign one.</summary>
public class CorsTests(ApiServer api) : IClassFixture<ApiServer>
{
    const string Frontend = "http://localhost:3000";
    const string Foreign = "http://evil.example";

    [Theory]
    [InlineData("http://localhost:3000", "/api/activities/home", "GET", "authorization")]
    [InlineData("http://127.0.0.1:3000", "/api/activities/home", "GET", "authorization,if-none-match")]
    [InlineData("http://localhost:3000", "/api/activities/@bayko", "HEAD", "authorization")]
    [InlineData("http://localhost:3000", "/api/activities", "POST", "authorization,content-type")]
    public async Task A_preflight_from_the_frontend_allows_its_method_and_headers_for_ten_minutes(string origin, string path, string method, string headers)
    {
        var response = await PreflightAsync(origin, path, method, headers);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET,HEAD,POST,OPTIONS", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("Content-Type,Authorization,If-None-Match", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Theory]
    [InlineData("DELETE", "authorization")]
    [InlineData("PUT", "content-type")]
    [InlineData("GET", "x-forwarded-for")]
    public async Task A_preflight_for_another_method_or_header_does_not_allow_it(string method, string headers)
    {
        var response = await PreflightAsync(Frontend, "/api/activities/home", method, headers);

        var methods = Header(response, "Access-Control-Allow-Methods")?.Split(',') ?? [];
        var allowed = Header(response, "Access-Control-Allow-Headers")?.Split(',') ?? [];
        Assert.False(methods.Contains(method) && headers.Split(',').All(h => allowed.Contains(h, StringComparer.OrdinalIgnoreCase)),
            $"{method} with {headers} was allowed");
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://localhost:3001")]
    [InlineData("https://localhost:3000")]
    [InlineData("null")]
    public async Task A_foreign_origin_gets_no_cors_headers_on_a_preflight_or_a_request(string origin)
    {
        var preflight = await PreflightAsync(origin, "/api/activities/home", "GET", "authorization");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/activities/home");
        request.Headers.Add("Origin", origin);
        var response = await api.Client.SendAsync(request);

        Assert.Empty(CorsHeaders(preflight));
        Assert.Empty(CorsHeaders(response));
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Fact]
    public async Task A_feed_read_from_the_frontend_may_read_location_link_and_etag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/activities/home?limit=1");
        request.Headers.Add("Origin", Frontend);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer null");

        var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Frontend, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("Location,Link,ETag", Header(response, "Access-Control-Expose-Headers"));
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Fact]
    public async Task A_post_from_the_frontend_gets_201_and_may_read_its_location()
    {
        var handle = await api.AddUserAsync();
        using var request = api.SignedIn(new HttpRequestMessage(HttpMethod.Post, "/api/activities")
            { Content = JsonContent.Create(new { message = "from the browser", ttl = "1-hour" }) }, handle);
        request.Headers.Add("Origin", Frontend);

        var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Frontend, Header(response, "Access-Control-Allow-Origin"));
        Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task A_refused_post_from_the_frontend_still_carries_cors_headers_so_the_browser_can_read_the_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/activities") { Content = JsonContent.Create(new { message = "m", ttl = "1-hour" }) };
        request.Headers.Add("Origin", Frontend);

        var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Frontend, Header(response, "Access-Control-Allow-Origin"));
    }

    async Task<HttpResponseMessage> PreflightAsync(string origin, string path, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await api.Client.SendAsync(request);
    }

    static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    static IEnumerable<string> CorsHeaders(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Where(name => name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
}
