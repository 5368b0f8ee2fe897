using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Cruddur.Api.Tests.Auth;

/// <summary>
/// POST /api/activities refuses every token aws-jwt-verify would refuse, with RFC 6750's 401, and stores
/// nothing; GETs with the same tokens are anonymous reads.
/// </summary>
public class TokenRefusalTests(ApiServer api) : IClassFixture<ApiServer>
{
    const string NotAToken = "null";

    [Fact]
    public async Task A_post_without_a_token_is_a_401_asking_for_a_bearer_token()
    {
        var message = $"anonymous {Guid.NewGuid()}";

        var response = await api.Client.PostAsJsonAsync("/api/activities", new { message, ttl = "1-day" });

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Contains("Authorization: Bearer TOKEN", problem.Detail);
        Assert.Empty(await api.QueryAsync<Guid>("SELECT uuid FROM activities WHERE message = @message", ("message", message)));
    }

    [Theory]
    [InlineData("Bearer null, as the signed-out frontend sends", "the token is not a JWT")]
    [InlineData("signed by another key under the pool's kid", "the token is not signed with RS256 by the user pool's key")]
    [InlineData("signed by a key with an unknown kid", "the token's signing key is not one of the user pool's")]
    [InlineData("the pool's key under an unknown kid", "the token's signing key is not one of the user pool's")]
    [InlineData("issued by another user pool", "the token was issued by another user pool")]
    [InlineData("issued to another app client", "the token was issued to another app client")]
    [InlineData("an id token", "this is an id token; send the access token")]
    [InlineData("expired", "the token has expired")]
    [InlineData("not valid yet", "the token is not valid yet")]
    [InlineData("without an expiry", "the token has no expiry")]
    [InlineData("alg none", "the token is not signed with RS256 by the user pool's key")]
    [InlineData("HS256 signed with the pool's public key", "the token is not signed with RS256 by the user pool's key")]
    [InlineData("RS512 signed with the pool's key", "the token is not signed with RS256 by the user pool's key")]
    public async Task A_post_with_a_token_that_is_refused_is_a_401_naming_why(string token, string why)
    {
        var handle = await api.AddUserAsync();
        var message = $"refused {Guid.NewGuid()}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/activities") { Content = JsonContent.Create(new { message, ttl = "1-day" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Spoiled(token, handle));

        var response = await api.Client.SendAsync(request);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{why}\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.EndsWith(why, problem.Detail);
        Assert.Empty(await api.QueryAsync<Guid>("SELECT uuid FROM activities WHERE message = @message", ("message", message)));
    }

    [Theory]
    [InlineData("Bearer null, as the signed-out frontend sends")]
    [InlineData("expired")]
    [InlineData("signed by another key under the pool's kid")]
    [InlineData("alg none")]
    public async Task A_read_with_a_refused_token_is_an_anonymous_read(string token)
    {
        var handle = await api.AddUserAsync();
        await api.AddActivityAsync(handle, "readable by anyone", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

        foreach (var path in new[] { "/api/activities/home", $"/api/activities/@{handle}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {Spoiled(token, handle)}");
            var response = await api.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Headers.WwwAuthenticate);
        }
    }

    string Spoiled(string token, string handle)
    {
        var pool = api.Pool;
        return token switch
        {
            "Bearer null, as the signed-out frontend sends" => NotAToken,
            "signed by another key under the pool's kid" => pool.AccessToken(handle, t =>
                t.SigningCredentials = new SigningCredentials(TestUserPool.NewKey(pool.SigningKey.KeyId), SecurityAlgorithms.RsaSha256)),
            "signed by a key with an unknown kid" => pool.AccessToken(handle, t =>
                t.SigningCredentials = new SigningCredentials(TestUserPool.NewKey("unknown-kid"), SecurityAlgorithms.RsaSha256)),
            "the pool's key under an unknown kid" => pool.AccessToken(handle, t =>
                t.SigningCredentials = new SigningCredentials(new RsaSecurityKey(pool.SigningKey.Rsa) { KeyId = "unknown-kid" }, SecurityAlgorithms.RsaSha256)),
            "issued by another user pool" => pool.AccessToken(handle, t => t.Issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other123"),
            "issued to another app client" => pool.AccessToken(handle, t => t.Claims["client_id"] = "anotherclient0123456"),
            "an id token" => pool.AccessToken(handle, t =>
            {
                t.Claims["token_use"] = "id";
                t.Claims.Remove("client_id");
                t.Audience = TestUserPool.ClientId;
            }),
            "expired" => pool.AccessToken(handle, t => (t.IssuedAt, t.NotBefore, t.Expires) =
                (DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddMinutes(-5))),
            "not valid yet" => pool.AccessToken(handle, t => (t.NotBefore, t.Expires) = (DateTime.UtcNow.AddMinutes(10), DateTime.UtcNow.AddHours(1))),
            "without an expiry" => pool.AccessToken(handle, t => t.Expires = null),
            "alg none" => Unsigned(pool.AccessToken(handle)),
            "HS256 signed with the pool's public key" => pool.AccessToken(handle, t => t.SigningCredentials =
                new SigningCredentials(new SymmetricSecurityKey(pool.PublicKeyPem) { KeyId = pool.SigningKey.KeyId }, SecurityAlgorithms.HmacSha256)),
            "RS512 signed with the pool's key" => pool.AccessToken(handle, t =>
                t.SigningCredentials = new SigningCredentials(pool.SigningKey, SecurityAlgorithms.RsaSha512)),
            _ => throw new ArgumentOutOfRangeException(nameof(token), token, "no such spoiled token"),
        };
    }

    // The same claims under {"alg":"none"} and an empty signature, the oldest JWT attack.
    static string Unsigned(string token)
    {
        var header = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "none", typ = "JWT" }));
        return $"{header}.{token.Split('.')[1]}.";
    }
}
