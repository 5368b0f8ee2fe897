using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Cruddur.Api.Auth;

/// <summary>What makes a validly signed Cognito token an access token for this app client.</summary>
public static class AccessTokenClaims
{
    public static Task CheckAsync(TokenValidatedContext context, string clientId)
    {
        var claims = context.Principal!;
        var use = claims.FindFirst("token_use")?.Value;
        var problem = use switch
        {
            "access" when claims.FindFirst("client_id")?.Value != clientId => "the token was issued to another app client",
            "access" when claims.FindFirst("sub")?.Value is not { Length: > 0 } => "the token names no user (no sub)",
            "access" => null,
            "id" => "this is an id token; send the access token",
            _ => "the token is not a Cognito access token (token_use is not access)",
        };
        if (problem is not null) context.Fail(problem);
        return Task.CompletedTask;
    }
}
