using System.Globalization;
using Amazon.Runtime;
using Cruddur.Data.Security;

namespace Cruddur.Security.Tests.Iam;

public class IamAuthTokenTests
{
    const string Host = "cruddur-db-instance.abcdefghijkl.eu-west-1.rds.amazonaws.com";
    const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLE/session+token==";

    static (string Address, Dictionary<string, string> Query) Split(string token)
    {
        var parts = token.Split('?', 2);
        var query = parts[1].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return (parts[0], query);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Our_token_equals_the_aws_clis_field_for_field_at_the_same_signing_time(bool withSessionToken)
    {
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = AccessKey, ["AWS_SECRET_ACCESS_KEY"] = SecretKey };
        if (withSessionToken) environment["AWS_SESSION_TOKEN"] = SessionToken;
        var theirs = Split(await AwsCli.RunAsync(environment,
            "rds", "generate-db-auth-token", "--hostname", Host, "--port", "5432", "--username", "cruddur_app", "--region", "eu-west-1"));
        var signedAt = DateTime.ParseExact(theirs.Query["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var credentials = withSessionToken ? new ImmutableCredentials(AccessKey, SecretKey, SessionToken) : new ImmutableCredentials(AccessKey, SecretKey, null);

        var ours = Split(IamAuthToken.Generate(credentials, "eu-west-1", Host, 5432, "cruddur_app", signedAt));

        Assert.Equal($"{Host}:5432/", ours.Address);
        Assert.Equal(theirs.Address, ours.Address);
        Assert.Equal(theirs.Query.OrderBy(p => p.Key), ours.Query.OrderBy(p => p.Key));
        Assert.Equal("900", ours.Query["X-Amz-Expires"]);
        Assert.Equal($"{AccessKey}/{signedAt:yyyyMMdd}/eu-west-1/rds-db/aws4_request", ours.Query["X-Amz-Credential"]);
    }
}
