using System.Text.Json.Nodes;

namespace Cruddur.Rds.Tests.Plan;

/// <summary>
/// <c>rds plan --read-replicas N --proxy</c>: both forms pass our linter with only named, accepted
/// findings, the template passes cfn-lint, and the resources are wired as a reader would check them.
/// </summary>
public sealed class ReplicaProxyPlanTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("cruddur-plan-replicas-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    const string LambdaGroup = "sg-0aaaaaaaaaaaaaaa0";
    const string DatabaseGroup = "sg-0123456789abcdef0";
    const string Key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static readonly string[] ProxyNetwork =
        ["--proxy", "--vpc-id", "vpc-0123456789abcdef0", "--proxy-subnet-ids", "subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "--lambda-security-group-id", LambdaGroup];

    static async Task<string> PlanAsync(string form, params string[] extra)
    {
        var result = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), ["rds", "plan", "--output", form, .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout;
    }

    static async Task<JsonNode> TemplateAsync(params string[] extra) => JsonNode.Parse(await PlanAsync("cfn", extra))!;

    [Theory]
    [InlineData("cli")]
    [InlineData("cfn")]
    public async Task Replicas_and_proxy_pass_lint_with_the_replicas_single_AZ_and_the_generated_secret_accepted(string form)
    {
        var path = Path.Combine(_dir, form == "cli" ? "create-db.sh" : "db.json");
        await File.WriteAllTextAsync(path, await PlanAsync(form, ["--read-replicas", "2", "--security-group-id", DatabaseGroup, .. ProxyNetwork]));

        var lint = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), "rds", "lint", path, "--fail-on", "info");

        Assert.Equal(0, lint.ExitCode);
        Assert.Empty(lint.Ids("FAIL"));
        var (writer, replica, proxy) = form == "cli"
            ? ("cruddur-db-instance", "cruddur-db-instance-replica-2", "cruddur-db-instance-proxy")
            : ("Database", "ReadReplica2", "Proxy");
        Assert.Contains("RDS-MANAGED-SECRET", lint.Ids("ACCEPTED", writer));
        Assert.Contains("RDS-MULTI-AZ", lint.Ids("ACCEPTED", replica));
        Assert.Contains($"== rds lint {proxy} (", lint.Stdout);
        Assert.Contains("Result: PASS", lint.Stdout);
    }

    [Fact]
    public async Task Plan_templates_with_replicas_and_a_proxy_pass_cfn_lint()
    {
        string[][] variants =
        [
            ["--read-replicas", "1"],
            ProxyNetwork,
            ["--read-replicas", "3", "--kms-key-id", Key, "--security-group-id", DatabaseGroup, "--port", "6432", .. ProxyNetwork],
            ["--read-replicas", "2", "--no-enhanced-monitoring", "--single-az", "--no-deletion-protection"],
        ];
        var paths = new List<string>();
        foreach (var variant in variants)
        {
            paths.Add(Path.Combine(_dir, $"variant-{paths.Count}.json"));
            await File.WriteAllTextAsync(paths[^1], await PlanAsync("cfn", variant));
        }

        var (exitCode, output) = await CfnLint.RunAsync(paths);

        Assert.True(exitCode == 0, $"cfn-lint exit {exitCode}:\n{output}");
    }

    [Fact]
    public async Task Replicas_copy_the_writer_privately_with_its_parameter_group_and_key_and_their_own_monitoring()
    {
        var template = await TemplateAsync("--read-replicas", "2", "--kms-key-id", Key);
        var script = await PlanAsync("cli", "--read-replicas", "2", "--kms-key-id", Key);

        var resources = template["Resources"]!;
        Assert.Equal(Key, resources["Database"]!["Properties"]!["KmsKeyId"]!.GetValue<string>());
        foreach (var number in new[] { 1, 2 })
        {
            var replica = resources[$"ReadReplica{number}"]!["Properties"]!;
            Assert.Equal("Database", replica["SourceDBInstanceIdentifier"]!["Ref"]!.GetValue<string>());
            Assert.Equal($"cruddur-db-instance-replica-{number}", replica["DBInstanceIdentifier"]!.GetValue<string>());
            Assert.False(replica["PubliclyAccessible"]!.GetValue<bool>());
            Assert.Equal("DBParameterGroup", replica["DBParameterGroupName"]!["Ref"]!.GetValue<string>());
            Assert.Null(replica["KmsKeyId"]); // inherited from the source: the same key
            Assert.Null(replica["StorageEncrypted"]);
            Assert.Equal(60, replica["MonitoringInterval"]!.GetValue<int>());
            Assert.True(replica["EnablePerformanceInsights"]!.GetValue<bool>());
            Assert.Equal(Key, replica["PerformanceInsightsKMSKeyId"]!.GetValue<string>());
            Assert.Contains($"--db-instance-identifier cruddur-db-instance-replica-{number}", script);
        }
        Assert.Equal(2, script.Split("aws rds create-db-instance-read-replica").Length - 1);
        Assert.Contains("--source-db-instance-identifier cruddur-db-instance", script);
        Assert.Equal("ReadReplica2", template["Outputs"]!["ReaderEndpoint2"]!["Value"]!["Fn::GetAtt"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task With_replicas_the_master_password_is_generated_into_a_secret_and_never_on_a_command_line()
    {
        var template = await TemplateAsync("--read-replicas", "1");
        var script = await PlanAsync("cli", "--read-replicas", "1");

        var database = template["Resources"]!["Database"]!["Properties"]!;
        Assert.Null(database["ManageMasterUserPassword"]);
        Assert.Equal("{{resolve:secretsmanager:${MasterSecret}:SecretString:password}}", database["MasterUserPassword"]!["Fn::Sub"]!.GetValue<string>());
        Assert.Equal("password", template["Resources"]!["MasterSecret"]!["Properties"]!["GenerateSecretString"]!["GenerateStringKey"]!.GetValue<string>());
        Assert.Equal("MasterSecret", template["Outputs"]!["MasterUserSecretArn"]!["Value"]!["Ref"]!.GetValue<string>());
        Assert.DoesNotContain("--master-user-password", script);
        Assert.DoesNotContain("--manage-master-user-password", script);
        Assert.Contains("--cli-input-json \"file://$secret_file\"", script);
        Assert.Contains("umask 077", script);
    }

    [Fact]
    public async Task Proxy_requires_IAM_and_TLS_admits_only_the_Lambda_and_reads_only_the_master_secret()
    {
        var template = await TemplateAsync(["--security-group-id", DatabaseGroup, .. ProxyNetwork]);

        var resources = template["Resources"]!;
        var proxy = resources["Proxy"]!["Properties"]!;
        Assert.Equal("AWS::RDS::DBProxy", resources["Proxy"]!["Type"]!.GetValue<string>());
        Assert.True(proxy["RequireTLS"]!.GetValue<bool>());
        var auth = proxy["Auth"]![0]!;
        Assert.Equal("REQUIRED", auth["IAMAuth"]!.GetValue<string>());
        Assert.Equal("""{"Fn::GetAtt":["Database","MasterUserSecret.SecretArn"]}""", auth["SecretArn"]!.ToJsonString());
        Assert.Equal("ProxySecurityGroup", proxy["VpcSecurityGroupIds"]![0]!["Ref"]!.GetValue<string>());
        Assert.Equal(LambdaGroup, resources["ProxySecurityGroup"]!["Properties"]!["SecurityGroupIngress"]![0]!["SourceSecurityGroupId"]!.GetValue<string>());
        var intoDatabase = resources["DatabaseIngressFromProxy"]!["Properties"]!;
        Assert.Equal(DatabaseGroup, intoDatabase["GroupId"]!.GetValue<string>());
        Assert.Equal("ProxySecurityGroup", intoDatabase["SourceSecurityGroupId"]!["Ref"]!.GetValue<string>());
        var statement = resources["ProxyRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray().Single()!;
        Assert.Equal("secretsmanager:GetSecretValue", statement["Action"]!.GetValue<string>());
        Assert.Equal(auth["SecretArn"]!.ToJsonString(), statement["Resource"]!.ToJsonString());
        var targets = resources["ProxyTargetGroup"]!["Properties"]!;
        Assert.Equal("default", targets["TargetGroupName"]!.GetValue<string>());
        Assert.Equal("Database", targets["DBInstanceIdentifiers"]![0]!["Ref"]!.GetValue<string>());
        Assert.Equal("Proxy", template["Outputs"]!["ProxyEndpoint"]!["Value"]!["Fn::GetAtt"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Proxy_script_creates_the_proxy_with_TLS_and_IAM_and_registers_the_writer()
    {
        var script = await PlanAsync("cli", ProxyNetwork);

        Assert.Contains("aws rds create-db-proxy", script);
        Assert.Contains("--require-tls", script);
        Assert.Contains("IAMAuth=REQUIRED", script);
        Assert.Contains($"--source-group {LambdaGroup}", script);
        Assert.Contains("aws rds register-db-proxy-targets --region eu-west-1 --db-proxy-name cruddur-db-instance-proxy --db-instance-identifiers cruddur-db-instance", script);
    }

    [Fact]
    public async Task Plan_with_both_forms_names_what_the_replicas_accept()
    {
        var result = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), "rds", "plan", "--read-replicas", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Accepted: RDS-MANAGED-SECRET --read-replicas: RDS cannot manage the master password", result.Stdout);
        Assert.Contains("Accepted on the replicas: RDS-MULTI-AZ a read replica serves reads in one Availability Zone", result.Stdout);
    }

    [Theory]
    [InlineData("--proxy", "Error: --proxy needs --vpc-id, --proxy-subnet-ids with two or more private subnets, and --lambda-security-group-id (the proxy admits only the Lambda)")]
    [InlineData("--read-replicas 16", "Error: --read-replicas 16 is out of range (0-15: RDS for PostgreSQL allows 15 per source)")]
    [InlineData("--proxy --vpc-id vpc-1 --proxy-subnet-ids subnet-0123456789abcdef0 subnet-0123456789abcdef1 --lambda-security-group-id sg-0aaaaaaaaaaaaaaa0",
        "Error: --vpc-id 'vpc-1' is not valid (expected an id such as vpc-0123456789abcdef0)")]
    public async Task Incomplete_replica_or_proxy_options_are_one_red_line(string flags, string error)
    {
        var result = await RdsCli.RunAsync(RdsCli.Region("eu-west-1"), ["rds", "plan", .. flags.Split(' ')]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(error, result.Stderr.Trim());
    }
}
