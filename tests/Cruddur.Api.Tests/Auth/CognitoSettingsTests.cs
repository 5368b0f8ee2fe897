using Cruddur.Api.Auth;
using Cruddur.Data;

namespace Cruddur.Api.Tests.Auth;

/// <summary>AWS_COGNITO_USER_POOL_ID, _CLIENT_ID, AWS_DEFAULT_REGION and AWS_COGNITO_ENDPOINT become the issuer the API trusts.</summary>
public class CognitoSettingsTests
{
    [Theory]
    [InlineData("us-east-1_AbC123xyz", "us-east-1", null, "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz")]
    [InlineData("eu-west-2_Q1w2E3r4t", null, null, "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Q1w2E3r4t")]
    [InlineData("local_7kdhjeQ2", null, "http://127.0.0.1:9229", "http://127.0.0.1:9229/local_7kdhjeQ2")]
    [InlineData("local_7kdhjeQ2", "us-east-1", "http://localhost:9229/", "http://localhost:9229/local_7kdhjeQ2")]
    [InlineData("us-east-1_AbC123xyz", null, "https://cognito.internal.example", "https://cognito.internal.example/us-east-1_AbC123xyz")]
    public void The_issuer_is_cognitos_or_the_emulators(string pool, string? region, string? endpoint, string issuer)
    {
        var settings = CognitoSettings.FromEnvironment(Variables(pool, "abc123client", region, endpoint))!;

        Assert.Equal(issuer, settings.IssuerText);
        Assert.Equal($"{issuer}/.well-known/jwks.json", settings.JwksUri.AbsoluteUri);
        Assert.Equal("abc123client", settings.ClientId);
    }

    [Fact]
    public void No_user_pool_means_no_cognito_settings()
    {
        Assert.Null(CognitoSettings.FromEnvironment(Variables(null, null, "us-east-1", null)));
    }

    [Theory]
    [InlineData("us-east-1_AbC123xyz", null, null, null, "AWS_COGNITO_USER_POOL_ID is set but AWS_COGNITO_USER_POOL_CLIENT_ID is not")]
    [InlineData(null, "abc123client", null, null, "AWS_COGNITO_USER_POOL_CLIENT_ID is set but AWS_COGNITO_USER_POOL_ID is not")]
    [InlineData("not a pool", "abc123client", null, null, "AWS_COGNITO_USER_POOL_ID is not a user pool id")]
    [InlineData("us-east-1_AbC123xyz", "abc/../client", null, null, "AWS_COGNITO_USER_POOL_CLIENT_ID is not an app client id")]
    [InlineData("us-east-1_AbC123xyz", "abc123client", "eu-west-1", null, "AWS_DEFAULT_REGION is 'eu-west-1' but the user pool in AWS_COGNITO_USER_POOL_ID is in 'us-east-1'")]
    [InlineData("local_7kdhjeQ2", "abc123client", null, "http://cognito.example.com", "AWS_COGNITO_ENDPOINT uses http to a host that is not loopback")]
    [InlineData("local_7kdhjeQ2", "abc123client", null, "ftp://127.0.0.1", "AWS_COGNITO_ENDPOINT is not an http(s) URL")]
    public void A_setting_that_cannot_work_is_refused_naming_it(string? pool, string? client, string? region, string? endpoint, string error)
    {
        var refused = Assert.Throws<CruddurException>(() => CognitoSettings.FromEnvironment(Variables(pool, client, region, endpoint)));

        Assert.StartsWith(error, refused.Message);
    }

    static Func<string, string?> Variables(string? pool, string? client, string? region, string? endpoint) => name => name switch
    {
        CognitoSettings.PoolVariable => pool,
        CognitoSettings.ClientVariable => client,
        CognitoSettings.RegionVariable => region,
        CognitoSettings.EndpointVariable => endpoint,
        _ => null,
    };
}
