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

    /// <summary>A verb on one instance: the shared options, then the action with the id and where to send it.</summary>
    public static Command Verb(CliContext cli, string name, string description, Func<string, AwsCliTarget, CancellationToken, Task> action)
    {
        var command = new Command(name, description) { Id, Region, EndpointUrl };
        CommandAction.Set(cli, command, (result, ct) =>
            action(result.GetValue(Id)!, new AwsCliTarget(result.GetValue(Region), result.GetValue(EndpointUrl), cli.Variables), ct));
        return command;
    }
}
