using System.Net;
using System.Security.Cryptography;
using System.Text;
using Cruddur.Api.Auth;
using Cruddur.Data.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cruddur.Api.Tests.Auth;

/// <summary>
/// A Cognito user pool's signing side, for tests: an RSA key of its own, its JWKS served on 127.0.0.1 as
/// Cognito serves it, and access tokens minted like Cognito's. The API under test trusts it through
/// AWS_COGNITO_ENDPOINT, exactly as it trusts a local emulator.
/// </summary>
public sealed class TestUserPool : IAsyncLifetime
{
    public const string PoolId = "local_TestPool1";
    public const string ClientId = "testclient0123456789";

    readonly List<RsaSecurityKey> _published = [NewKey("test-key-1")];
    WebApplication? _jwks;
    int _fetches;

    public RsaSecurityKey SigningKey => _published[0];
    public Uri Endpoint { get; private set; } = null!;
    public CognitoSettings Cognito => CognitoSettings.For(PoolId, ClientId, null, Endpoint);
    public string Issuer => Cognito.IssuerText;

    /// <summary>How often the JWKS has been fetched.</summary>
    public int JwksFetches => Volatile.Read(ref _fetches);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _jwks = builder.Build();
        _jwks.MapGet($"/{PoolId}/.well-known/jwks.json", () =>
        {
            Interlocked.Increment(ref _fetches);
            lock (_published) return Results.Text(Jwks(_published), "application/json");
        });
        await _jwks.StartAsync();
        Endpoint = CruddurApi.Address(_jwks);
    }

    public async ValueTask DisposeAsync()
    {
        if (_jwks is not null) await _jwks.DisposeAsync();
    }

    /// <summary>The API's settings for <paramref name="database"/>, trusting this pool.</summary>
    public ApiSettings ApiSettings(Database database, OtlpTarget? otlp = null) => new(database, 0, otlp) { Cognito = Cognito };

    /// <summary>The environment that makes <c>cruddur serve</c> trust this pool.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        [CognitoSettings.PoolVariable] = PoolId,
        [CognitoSettings.ClientVariable] = ClientId,
        [CognitoSettings.EndpointVariable] = Endpoint.AbsoluteUri,
    };

    /// <summary>The Cognito sub the tests give the user with <paramref name="handle"/>.</summary>
    public static string SubOf(string handle) => $"sub-{handle}";

    /// <summary>An access token for <paramref name="handle"/>'s sub, as Cognito issues it; <paramref name="change"/> spoils it.</summary>
    public string AccessToken(string handle, Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var token = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = SubOf(handle),
                ["client_id"] = ClientId,
                ["token_use"] = "access",
                ["scope"] = "aws.cognito.signin.user.admin",
                ["username"] = handle,
            },
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(token);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(token);
    }

    /// <summary>Adds a key to the JWKS, as Cognito does when it rotates keys.</summary>
    public void Publish(RsaSecurityKey key)
    {
        lock (_published) _published.Add(key);
    }

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    /// <summary>The public half of the signing key as PEM, what an HS256 "key confusion" token is signed with.</summary>
    public byte[] PublicKeyPem => Encoding.UTF8.GetBytes(SigningKey.Rsa.ExportSubjectPublicKeyInfoPem());

    static string Jwks(IEnumerable<RsaSecurityKey> keys) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            keys = keys.Select(JsonWebKeyConverter.ConvertFromRSASecurityKey)
                .Select(k => new { kty = k.Kty, kid = k.Kid, alg = "RS256", use = "sig", n = k.N, e = k.E }),
        });
}
