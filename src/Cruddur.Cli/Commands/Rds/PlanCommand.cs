using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Rds.Plan;

namespace Cruddur.Cli.Commands.Rds;

/// <summary>Prints a secure plan for the instance: a create script and a CloudFormation template.</summary>
public static class PlanCommand
{
    static readonly PlanOptions Defaults = new();

    public static Command Build(CliContext cli)
    {
        var identifier = Text("--identifier", "DB instance identifier", Defaults.Identifier);
        var region = new Option<string>("--region") { Description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, else the document's eu-west-1)", DefaultValueFactory = _ => PlanOptions.RegionFromEnvironment(cli.Variable) };
        var instanceClass = Text("--instance-class", "Instance class", Defaults.InstanceClass);
        var engineVersion = Text("--engine-version", "PostgreSQL version; a major alone lets RDS pick its current minor (the document's 14.6 is outdated and does not force TLS)", Defaults.EngineVersion);
        var dbName = Text("--db-name", "Database name", Defaults.DbName);
        var username = Text("--master-username", "Master user (not root, postgres or admin)", Defaults.MasterUsername);
        var storage = new Option<int>("--allocated-storage") { Description = "Storage in GiB", DefaultValueFactory = _ => Defaults.AllocatedStorage };
        var securityGroup = new Option<string?>("--security-group-id") { Description = "The instance's VPC security group (the document's DB_SG_ID)" };
        var subnetGroup = new Option<string?>("--subnet-group-name") { Description = "A DB subnet group of private subnets" };
        var kmsKey = new Option<string?>("--kms-key-id") { Description = "A customer managed KMS key for storage, Performance Insights and the secret" };
        var roleArn = new Option<string?>("--monitoring-role-arn") { Description = "An existing enhanced-monitoring role (else the plan creates one)" };
        var port = new Option<int>("--port") { Description = "Port (5432 is kept as an accepted low finding)", DefaultValueFactory = _ => Defaults.Port };
        var backupDays = new Option<int>("--backup-days") { Description = "Automated backup retention; fewer than 7 is an accepted finding", DefaultValueFactory = _ => Defaults.BackupDays };
        var allowPublic = Flag("--allow-public", "Relaxation: publicly accessible (for direct access from a dev machine, with the SG rule on your /32)");
        var singleAz = Flag("--single-az", "Relaxation: no standby in a second Availability Zone (half the cost; dev)");
        var noDeletionProtection = Flag("--no-deletion-protection", "Relaxation: allow deletion in one call");
        var noMonitoring = Flag("--no-enhanced-monitoring", "Relaxation: no enhanced monitoring");
        var replicas = new Option<int>("--read-replicas") { Description = "Read replicas of the writer (0-15): private, encrypted with its key, their own monitoring" };
        var proxy = Flag("--proxy", "Add an RDS Proxy for the Lambda (IAM auth and TLS required, its own security group)");
        var vpcId = new Option<string?>("--vpc-id") { Description = "The VPC of the proxy's security group (with --proxy)" };
        var proxySubnets = new Option<string[]>("--proxy-subnet-ids") { Description = "Two or more private subnets for the proxy (with --proxy)", AllowMultipleArgumentsPerToken = true };
        var lambdaGroup = new Option<string?>("--lambda-security-group-id") { Description = "The Lambda's security group, the only one the proxy admits (with --proxy)" };
        var output = new Option<string>("--output") { Description = "both (with banners), or only cli (a bash script) or cfn (a template) to pipe into a file", DefaultValueFactory = _ => "both" };
        output.AcceptOnlyFromAmong("both", "cli", "cfn");

        var command = new Command("plan", "Print a secure plan for the RDS instance: an aws rds create-db-instance script and a CloudFormation template")
        {
            identifier, region, instanceClass, engineVersion, dbName, username, storage, securityGroup, subnetGroup, kmsKey, roleArn,
            port, backupDays, allowPublic, singleAz, noDeletionProtection, noMonitoring, replicas, proxy, vpcId, proxySubnets, lambdaGroup, output,
        };
        CommandAction.Set(cli, command, (result, _) =>
        {
            var plan = new PlanOptions
            {
                Identifier = result.GetValue(identifier)!, Region = result.GetValue(region)!, InstanceClass = result.GetValue(instanceClass)!,
                EngineVersion = result.GetValue(engineVersion)!, DbName = result.GetValue(dbName)!, MasterUsername = result.GetValue(username)!,
                AllocatedStorage = result.GetValue(storage), SecurityGroupId = result.GetValue(securityGroup), SubnetGroupName = result.GetValue(subnetGroup),
                KmsKeyId = result.GetValue(kmsKey), MonitoringRoleArn = result.GetValue(roleArn), Port = result.GetValue(port),
                BackupDays = result.GetValue(backupDays), AllowPublic = result.GetValue(allowPublic), SingleAz = result.GetValue(singleAz),
                NoDeletionProtection = result.GetValue(noDeletionProtection), NoEnhancedMonitoring = result.GetValue(noMonitoring),
                ReadReplicas = result.GetValue(replicas), Proxy = result.GetValue(proxy), VpcId = result.GetValue(vpcId),
                ProxySubnetIds = result.GetValue(proxySubnets) ?? [], LambdaSecurityGroupId = result.GetValue(lambdaGroup),
            }.Validated();
            Print(cli, plan, result.GetValue(output)!);
            return Task.CompletedTask;
        });
        return command;
    }

    static void Print(CliContext cli, PlanOptions plan, string output)
    {
        var accepted = Relaxations.Of(plan);
        var script = CreateScript.Render(plan, accepted);
        var template = StackTemplate.Render(plan, accepted);
        if (output == "cli") { cli.Terminal.Output.Write(script); return; }
        if (output == "cfn") { cli.Terminal.Output.Write(template); return; }
        cli.Terminal.Banner($"rds plan {plan.Identifier}: PostgreSQL {plan.EngineVersion} in {plan.Region}");
        foreach (var a in accepted) cli.Terminal.Line($"Accepted: {a.RuleId} {a.Reason}");
        if (plan.ReadReplicas > 0)
            foreach (var a in Relaxations.OfReplica(plan).Where(r => accepted.All(w => w.RuleId != r.RuleId)))
                cli.Terminal.Line($"Accepted on the replicas: {a.RuleId} {a.Reason}");
        cli.Terminal.Line("Save one form with --output cli > create-db.sh or --output cfn > db.json; check it with cruddur rds lint.");
        cli.Terminal.Banner("create script (bash)");
        cli.Terminal.Output.Write(script);
        cli.Terminal.Banner("CloudFormation template");
        cli.Terminal.Output.Write(template);
    }

    static Option<string> Text(string name, string description, string fallback) =>
        new(name) { Description = description, DefaultValueFactory = _ => fallback };

    static Option<bool> Flag(string name, string description) => new(name) { Description = description };
}
