using System.CommandLine;
using Cruddur.Rds.Instances;

namespace Cruddur.Cli.Commands.Rds;

/// <summary>The options start, stop and status share, defined once.</summary>
public static class InstanceOptions
{
    public static readonly Option<string> Id = new("--id")
    {
        Description = "The DB instance identifier",
        DefaultValueFactory = _ => "cruddur-db-instance",
    };

    public static readonly Option<string?> Region = new("--region") { Description = "AWS region (default: the AWS CLI's own configuration)" };

    public static readonly Option<string?> EndpointUrl = new("--endpoint-url") { Description = "Another RDS endpoint (a VPC endpoint, or a local one for tests)" };

    public static Option[] All => [Id, Region, EndpointUrl];

    public static AwsCliTarget Target(ParseResult result) => new(result.GetValue(Region), result.GetValue(EndpointUrl));
}
