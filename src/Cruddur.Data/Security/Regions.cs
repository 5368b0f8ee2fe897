using Amazon.Runtime;

namespace Cruddur.Data.Security;

/// <summary>The AWS region from the SDK's chain (AWS_REGION, the profile, the instance metadata), or null.</summary>
public static class Regions
{
    public static string? FromChain()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }
}
