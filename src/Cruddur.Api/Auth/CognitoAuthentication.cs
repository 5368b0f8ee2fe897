using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Cruddur.Api.Auth;

/// <summary>
/// Cognito access tokens, checked the way AWS's aws-jwt-verify checks them: the pool's issuer, a key of
/// its JWKS by <c>kid</c>, RS256 only, <c>exp</c>/<c>nbf</c>, <c>token_use</c> = access and
/// <c>client_id</c> = the app client (access tokens carry no <c>aud</c>).
/// </summary>
public static class CognitoAuthentication
{
    /// <summary>The authorization policy of endpoints that need a signed-in user.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Clocks of Cognito and this host may differ a little.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The least time between two fetches of the JWKS for an unknown <c>kid</c>.</summary>
    public static readonly TimeSpan KeyRefetchInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddCognitoAuthentication(this IServiceCollection services, CognitoSettings? cognito)
    {
        // No default scheme: reads never look at the Authorization header, so a `Bearer null` GET stays anonymous.
        services.AddAuthentication().AddJwtBearer(options => Configure(options, cognito));
        services.AddAuthorizationBuilder().AddPolicy(SignedIn, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>The token's <c>sub</c>: the Cognito user, as the post-confirmation Lambda stored it in <c>users.cognito_user_id</c>.</summary>
    public static string CognitoUserId(this ClaimsPrincipal user) => user.FindFirstValue("sub")!;

    static void Configure(JwtBearerOptions options, CognitoSettings? cognito)
    {
        options.MapInboundClaims = false;
        options.Events = new JwtBearerEvents { OnChallenge = BearerChallenge.WriteAsync };
        if (cognito is null)
        {
            options.Events.OnMessageReceived = context =>
            {
                context.Fail(new NotConfiguredException());
                return Task.CompletedTask;
            };
            return;
        }
        options.Events.OnTokenValidated = context => AccessTokenClaims.CheckAsync(context, cognito.ClientId);
        options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            cognito.JwksUri.AbsoluteUri, new JwksRetriever(cognito.IssuerText),
            new HttpDocumentRetriever { RequireHttps = cognito.JwksUri.Scheme == Uri.UriSchemeHttps })
        {
            RefreshInterval = KeyRefetchInterval,
        };
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = cognito.IssuerText,
            ValidateAudience = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            // A kid that is not in the JWKS is refused, never tried against every key.
            TryAllIssuerSigningKeys = false,
        };
    }

    /// <summary>The API runs without a user pool: it cannot tell who posts, so it lets nobody post.</summary>
    public sealed class NotConfiguredException() : Exception(
        $"this API has no Cognito user pool configured (set {CognitoSettings.PoolVariable} and {CognitoSettings.ClientVariable})");
}
