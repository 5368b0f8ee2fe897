using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.IdentityModel.Tokens;
using Cruddur.Testing;

namespace Cruddur.Api.Tests.Auth;

/// <summary>The user pool's JWKS: fetched once and cached, fetched again for an unknown kid, at most once a minute.</summary>
public class KeySetTests(ApiServer api) : IClassFixture<ApiServer>, IAsyncLifetime
{
    readonly TestUserPool _pool = new();

    public ValueTask InitializeAsync() => _pool.InitializeAsync();

    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    [Fact]
    public async Task The_jwks_is_cached_refetched_for_a_rotated_key_and_not_again_within_a_minute()
    {
        await using var app = CruddurApi.Build(_pool.ApiSettings(api.Database));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = CruddurApi.Address(app), Timeout = TimeSpan.FromSeconds(60) };
        var handle = await api.AddUserAsync();

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, _pool.AccessToken(handle))).StatusCode);
        var cached = _pool.JwksFetches;

        var rotated = TestUserPool.NewKey("rotated-key");
        _pool.Publish(rotated);
        var signedByRotated = _pool.AccessToken(handle, t => t.SigningCredentials = new SigningCredentials(rotated, SecurityAlgorithms.RsaSha256));
        await PollUntilCreatedAsync(client, signedByRotated);
        var afterRotation = _pool.JwksFetches;

        var unknown = _pool.AccessToken(handle, t => t.SigningCredentials = new SigningCredentials(TestUserPool.NewKey("never-published"), SecurityAlgorithms.RsaSha256));
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, unknown)).StatusCode);

        Assert.Equal(1, cached);
        Assert.Equal(2, afterRotation);
        Assert.Equal(2, _pool.JwksFetches);
    }

    // The refetch a new kid asks for may complete after the request that asked; the next one sees it.
    static async Task PollUntilCreatedAsync(HttpClient client, string token)
    {
        var status = HttpStatusCode.Unauthorized;
        var created = await Poll.UntilAsync(async () => (status = (await PostAsync(client, token)).StatusCode) == HttpStatusCode.Created, TimeSpan.FromSeconds(30));
        Assert.True(created, $"a token signed by the rotated key still gets {(int)status} after 30 s");
    }

    static Task<HttpResponseMessage> PostAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/activities") { Content = JsonContent.Create(new { message = "keys", ttl = "1-hour" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
