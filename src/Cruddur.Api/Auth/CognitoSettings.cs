using System.Text.RegularExpressions;
using Cruddur.Data;

namespace Cruddur.Api.Auth;

/// <summary>
/// The Cognito user pool whose access tokens the API accepts: its id, the app client the tokens must be
/// issued to, and the issuer (real Cognito's, or a local emulator's from <c>AWS_COGNITO_ENDPOINT</c>).
/// </summary>
public sealed partial record CognitoSettings(string UserPoolId, string ClientId, Uri Issuer)
{
    public const string PoolVariable = "AWS_COGNITO_USER_POOL_ID";
    public const string ClientVariable = "AWS_COGNITO_USER_POOL_CLIENT_ID";
    public const string RegionVariable = "AWS_DEFAULT_REGION";
    public const string EndpointVariable = "AWS_COGNITO_ENDPOINT";

    /// <summary>Where the pool publishes its signing keys, next to the issuer as Cognito does.</summary>
    public Uri JwksUri => new($"{Issuer.AbsoluteUri.TrimEnd('/')}/.well-known/jwks.json");

    /// <summary>The issuer exactly as tokens carry it in <c>iss</c>: no trailing slash.</summary>
    public string IssuerText => Issuer.AbsoluteUri.TrimEnd('/');

    /// <summary>The settings, or null when no user pool is configured (then every post is refused).</summary>
    public static CognitoSettings? FromEnvironment(Func<string, string?> variables)
    {
        var pool = variables(PoolVariable) is { Length: > 0 } p ? p : null;
        var client = variables(ClientVariable) is { Length: > 0 } c ? c : null;
        if (pool is null && client is null) return null;
        if (pool is null) throw new CruddurException($"{ClientVariable} is set but {PoolVariable} is not (set both, or neither)");
        if (client is null) throw new CruddurException($"{PoolVariable} is set but {ClientVariable} is not (set both, or neither)");
        var endpoint = variables(EndpointVariable) is { Length: > 0 } e ? ParseEndpoint(e) : null;
        return For(pool, client, variables(RegionVariable), endpoint);
    }

    /// <summary>Real Cognito's issuer, <c>https://cognito-idp.REGION.amazonaws.com/POOL</c>, or <c>ENDPOINT/POOL</c> for an emulator.</summary>
    public static CognitoSettings For(string userPoolId, string clientId, string? region, Uri? endpoint)
    {
        var match = PoolIdShape().Match(userPoolId);
        if (!match.Success)
            throw new CruddurException($"{PoolVariable} is not a user pool id (expected REGION_ID, like us-east-1_AbC123xyz)");
        if (!ClientIdShape().IsMatch(clientId))
            throw new CruddurException($"{ClientVariable} is not an app client id (expected letters and digits)");
        if (endpoint is not null) return new(userPoolId, clientId, new Uri($"{endpoint.AbsoluteUri.TrimEnd('/')}/{userPoolId}"));

        // Cognito names a pool after its region, so the two must agree or no token would ever be accepted.
        var poolRegion = match.Groups["region"].Value;
        if (region is { Length: > 0 } && region != poolRegion)
            throw new CruddurException($"{RegionVariable} is '{region}' but the user pool in {PoolVariable} is in '{poolRegion}'");
        return new(userPoolId, clientId, new Uri($"https://cognito-idp.{poolRegion}.amazonaws.com/{userPoolId}"));
    }

    // An emulator's keys come over plain http only from this machine; anything else must be https.
    static Uri ParseEndpoint(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CruddurException($"{EndpointVariable} is not an http(s) URL");
        if (uri.Scheme == "http" && !uri.IsLoopback)
            throw new CruddurException($"{EndpointVariable} uses http to a host that is not loopback (use https, or an emulator on 127.0.0.1)");
        return uri;
    }

    [GeneratedRegex(@"^(?<region>[a-z0-9-]+)_[0-9A-Za-z]+$")]
    private static partial Regex PoolIdShape();

    [GeneratedRegex(@"^[0-9A-Za-z]{1,128}$")]
    private static partial Regex ClientIdShape();
}
