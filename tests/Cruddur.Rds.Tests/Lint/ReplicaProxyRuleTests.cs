namespace Cruddur.Rds.Tests.Lint;

/// <summary>The rules for read replicas (public, unencrypted) and RDS proxies (no TLS, no IAM), from all three inputs.</summary>
public sealed class ReplicaProxyRuleTests
{
    const string Template = """
        Resources:
          Writer:
            Type: AWS::RDS::DBInstance
            Properties: {Engine: postgres, EngineVersion: '14.10', StorageEncrypted: false, PubliclyAccessible: false}
          Reader:
            Type: AWS::RDS::DBInstance
            Properties: {SourceDBInstanceIdentifier: !Ref Writer, DBInstanceClass: db.t3.micro, PubliclyAccessible: true}
          QuietReader:
            Type: AWS::RDS::DBInstance
            Properties: {SourceDBInstanceIdentifier: arn:aws:rds:eu-west-1:123456789012:db:elsewhere, PubliclyAccessible: false}
          Pool:
            Type: AWS::RDS::DBProxy
            Properties:
              EngineFamily: POSTGRESQL
              Auth:
                - {AuthScheme: SECRETS, SecretArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:a, IAMAuth: REQUIRED}
                - {AuthScheme: SECRETS, SecretArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:b}
        """;

    [Fact]
    public async Task A_public_replica_of_an_unencrypted_source_fails_both_replica_rules_and_inherits_the_source_engine()
    {
        var result = await RdsCli.LintTextAsync(Template);

        Assert.Equal(2, result.ExitCode);
        var reader = result.Ids("FAIL", "Reader");
        Assert.Contains("RDS-REPLICA-PUBLIC", reader);
        Assert.Contains("RDS-REPLICA-ENCRYPT", reader);
        Assert.Contains("RDS-TLS-FORCE", reader);
        Assert.Contains("its source Writer is not encrypted, so neither is the replica", result.Stdout);
        foreach (var instanceOnly in new[] { "RDS-PUBLIC", "RDS-ENCRYPT-REST", "RDS-MANAGED-SECRET", "RDS-BACKUP", "RDS-ADMIN-NAME" })
        {
            Assert.DoesNotContain(instanceOnly, reader);
            Assert.DoesNotContain(instanceOnly, result.Ids("UNKNOWN", "Reader"));
        }
        Assert.Contains("== rds lint Reader (CloudFormation read replica)", result.Stdout);
    }

    [Fact]
    public async Task A_replica_of_a_source_outside_the_template_cannot_be_judged_for_encryption()
    {
        var result = await RdsCli.LintTextAsync(Template);

        Assert.Contains("RDS-REPLICA-ENCRYPT", result.Ids("UNKNOWN", "QuietReader"));
        Assert.DoesNotContain("RDS-REPLICA-PUBLIC", result.Ids("FAIL", "QuietReader"));
    }

    [Fact]
    public async Task A_proxy_without_TLS_and_with_one_password_only_secret_fails_both_proxy_rules_and_nothing_else()
    {
        var result = await RdsCli.LintTextAsync(Template);

        Assert.Equal(new SortedSet<string>(["RDS-PROXY-TLS", "RDS-PROXY-IAM"]), result.Ids("FAIL", "Pool"));
        Assert.Empty(result.Ids("UNKNOWN", "Pool"));
        Assert.Contains("1 of 2 Auth entries does not set IAMAuth: REQUIRED", result.Stdout);
        Assert.Contains("RequireTLS is not given (default off)", result.Stdout);
    }

    [Theory]
    [InlineData("", "--publicly-accessible", "RDS-REPLICA-PUBLIC")]
    [InlineData("aws rds create-db-instance --db-instance-identifier w --engine postgres --no-storage-encrypted\n", "--no-publicly-accessible", "RDS-REPLICA-ENCRYPT")]
    public async Task A_read_replica_command_is_checked_as_a_replica(string source, string flags, string failing)
    {
        var script = $"{source}aws rds create-db-instance-read-replica --db-instance-identifier r1 --source-db-instance-identifier w {flags}";

        var result = await RdsCli.LintTextAsync(script);

        Assert.Equal(new SortedSet<string>([failing]), new SortedSet<string>(result.Ids("FAIL", "r1").Where(id => id.StartsWith("RDS-REPLICA-"))));
        Assert.Contains("== rds lint r1 (create-db-instance-read-replica command)", result.Stdout);
    }

    [Theory]
    [InlineData("--auth AuthScheme=SECRETS,SecretArn=arn:x,IAMAuth=DISABLED", "RDS-PROXY-IAM RDS-PROXY-TLS")]
    [InlineData("--auth '[{\"AuthScheme\":\"SECRETS\",\"SecretArn\":\"arn:x\",\"IAMAuth\":\"REQUIRED\"}]' --require-tls", "")]
    [InlineData("--require-tls", "RDS-PROXY-IAM")]
    [InlineData("--require-tls --auth \"AuthScheme=SECRETS,SecretArn=$secret_arn,IAMAuth=REQUIRED\"", "")]
    public async Task A_create_db_proxy_command_needs_TLS_and_IAM(string flags, string failing)
    {
        var result = await RdsCli.LintTextAsync($"aws rds create-db-proxy --db-proxy-name p --engine-family POSTGRESQL {flags}");

        Assert.Contains("== rds lint p (create-db-proxy command)", result.Stdout);
        Assert.Equal(new SortedSet<string>(failing.Split(' ', StringSplitOptions.RemoveEmptyEntries)), result.Ids("FAIL", "p"));
    }

    [Fact]
    public async Task Describe_output_of_a_public_replica_fails_the_replica_rule()
    {
        const string describe = """
            {"DBInstances": [{"DBInstanceIdentifier": "reader-1", "Engine": "postgres", "EngineVersion": "16.3",
              "ReadReplicaSourceDBInstanceIdentifier": "writer", "PubliclyAccessible": true, "StorageEncrypted": true}]}
            """;

        var result = await RdsCli.LintTextAsync(describe);

        Assert.Contains("RDS-REPLICA-PUBLIC", result.Ids("FAIL", "reader-1"));
        Assert.DoesNotContain("RDS-REPLICA-ENCRYPT", result.Ids("FAIL", "reader-1"));
    }
}
