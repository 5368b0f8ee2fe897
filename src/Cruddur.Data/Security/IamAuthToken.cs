using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Util;
using Npgsql;

namespace Cruddur.Data.Security;

/// <summary>
/// RDS IAM database authentication: the password is a SigV4-presigned <c>rds-db:connect</c> URL,
/// signed by AWSSDK.Core's presigned-URL signer the way AWSSDK.RDS's token generator does it.
/// </summary>
public static class IamAuthToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    const string Service = "rds-db";
    const string Scheme = "https://";

    // The signer works on request objects; this one is only ever signed, never sent.
    sealed class ConnectRequest : AmazonWebServiceRequest;

    public static string Generate(ImmutableCredentials credentials, string region, string host, int port, string user, DateTime signedAtUtc)
    {
        var request = new DefaultRequest(new ConnectRequest(), Service)
        {
            UseQueryString = true,
            HttpMethod = "GET",
            Endpoint = new UriBuilder("https", host, port).Uri,
        };
        request.Parameters["X-Amz-Expires"] = ((int)Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        request.Parameters["DBUser"] = user;
        request.Parameters["Action"] = "connect";
        if (credentials.UseToken) request.Parameters["X-Amz-Security-Token"] = credentials.Token;

        var signing = AWS4PreSignedUrlSigner.SignRequest(request, null, new RequestMetrics(),
            credentials.AccessKey, credentials.SecretKey, Service, region, signedAtUtc);
        return AmazonServiceClient.ComposeUrl(request).AbsoluteUri[Scheme.Length..] + "&" + signing.ForQueryParameters;
    }

    /// <summary>A fresh token for the settings' host, port and user, from the standard credential chain.</summary>
    public static async Task<string> GenerateAsync(NpgsqlConnectionStringBuilder settings, string? region, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(settings.Username))
            throw new CruddurException("auth=iam needs a user name in the connection URL (postgresql://user@host/cruddur?auth=iam)");
        var regionName = region ?? Regions.FromChain()
            ?? throw new CruddurException("auth=iam needs an AWS region (add ?region=eu-west-1 to the URL or set AWS_REGION)");
        ImmutableCredentials credentials;
        try
        {
            var identity = await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null, ct);
            credentials = await identity.GetCredentialsAsync();
        }
        catch (AmazonClientException e)
        {
            throw new CruddurException("auth=iam found no AWS credentials (set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run with an IAM role)", e);
        }
        return Generate(credentials, regionName, settings.Host!, settings.Port, settings.Username, DateTime.UtcNow);
    }
}
