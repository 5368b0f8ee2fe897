using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Cruddur.Api.Auth;

/// <summary>
/// A refused token: 401 with RFC 6750's <c>WWW-Authenticate: Bearer error="invalid_token", error_description="..."</c>
/// (no error code when no token was sent at all) and a problem document saying the same.
/// </summary>
public static class BearerChallenge
{
    public static async Task WriteAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var failure = context.AuthenticateFailure;
        if (failure is InvalidOperationException)
        {
            // The JWKS could not be fetched: Cognito (or the emulator) is unreachable, not the caller's fault.
            context.Response.Headers.RetryAfter = "5";
            await TypedResults.Problem(detail: "the Cognito user pool's signing keys cannot be fetched; try again shortly",
                statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context.HttpContext);
            return;
        }
        var description = failure is null ? null : Describe(failure);
        context.Response.Headers[HeaderNames.WWWAuthenticate] = description is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{description}\"";
        await TypedResults.Problem(
            detail: $"posting needs a Cognito access token (Authorization: Bearer TOKEN): {description ?? "none was sent"}",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context.HttpContext);
    }

    // Our own words, never the library's (which can carry token contents).
    static string Describe(Exception failure) => failure switch
    {
        SecurityTokenMalformedException => "the token is not a JWT",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidIssuerException => "the token was issued by another user pool",
        SecurityTokenSignatureKeyNotFoundException => "the token's signing key is not one of the user pool's",
        // alg none, HS256 or RS512 end here too: IdentityModel reports a refused algorithm as a bad signature.
        SecurityTokenInvalidSignatureException => "the token is not signed with RS256 by the user pool's key",
        CognitoAuthentication.NotConfiguredException => failure.Message,
        AuthenticationFailureException => failure.Message,
        _ => "the token is invalid",
    };
}
