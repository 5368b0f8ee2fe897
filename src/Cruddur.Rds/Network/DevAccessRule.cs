using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace Cruddur.Rds.Network;

/// <summary>Where to send the rule change: the SDK's standard chain for credentials and region, or an explicit endpoint.</summary>
public sealed record Ec2Target(string? Region, Uri? EndpointUrl);

/// <summary>
/// The document's <c>rds-update-sg-rule</c>: one existing security group rule (DB_SG_ID, DB_SG_RULE_ID)
/// rewritten to TCP on the database port from one developer range, with the SDK instead of a shell.
/// </summary>
public static class DevAccessRule
{
    public sealed record Change(string GroupId, string RuleId, string Cidr, int Port, string Description);

    public static async Task ApplyAsync(Change change, Ec2Target target, CancellationToken ct)
    {
        var request = new ModifySecurityGroupRulesRequest
        {
            GroupId = change.GroupId,
            SecurityGroupRules =
            [
                new SecurityGroupRuleUpdate
                {
                    SecurityGroupRuleId = change.RuleId,
                    SecurityGroupRule = new SecurityGroupRuleRequest
                    {
                        IpProtocol = "tcp",
                        FromPort = change.Port,
                        ToPort = change.Port,
                        CidrIpv4 = change.Cidr,
                        Description = change.Description,
                    },
                },
            ],
        };
        try
        {
            using var client = new AmazonEC2Client(Config(target));
            var response = await client.ModifySecurityGroupRulesAsync(request, ct);
            if (response.Return != true) throw new RdsException($"EC2 did not apply the change to {change.RuleId} (Return=false)");
        }
        catch (AmazonEC2Exception e)
        {
            throw new RdsException($"EC2 refused ModifySecurityGroupRules: {e.ErrorCode}: {e.Message}", e);
        }
        catch (AmazonClientException e) when (e.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase))
        {
            throw new RdsException("no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)", e);
        }
        catch (HttpRequestException e)
        {
            throw new RdsException($"cannot reach EC2{(target.EndpointUrl is { } url ? $" at {url}" : "")} ({e.HttpRequestError})", e);
        }
    }

    /// <summary>
    /// The region is settled before the client exists: the SDK would otherwise fail inside the call with
    /// an AmazonClientException ("No RegionEndpoint or ServiceURL configured") that names no fix.
    /// </summary>
    static AmazonEC2Config Config(Ec2Target target)
    {
        var region = target.Region ?? FallbackRegionFactory.GetRegionEndpoint()?.SystemName
            ?? throw new RdsException("no AWS region (set AWS_REGION, pass --region, or give your AWS profile a region)");
        var config = new AmazonEC2Config();
        if (target.EndpointUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }
        return config;
    }
}
