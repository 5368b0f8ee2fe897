using System.Text.RegularExpressions;

namespace Cruddur.Rds.Plan;

/// <summary>
/// What <c>cruddur rds plan</c> is asked for. Every default is the secure choice; each relaxation
/// (<see cref="AllowPublic"/>, <see cref="SingleAz"/>...) becomes a named, accepted finding.
/// </summary>
public sealed partial record PlanOptions
{
    /// <summary>
    /// The document's 14.6 is out of date: RDS deprecated that minor long ago, 14 forces no TLS by
    /// default and its standard support ends in February 2027. 17 is the newest major with a long
    /// track record on RDS (18 is newer); 17.9 is a minor cfn-lint's RDS data lists as creatable
    /// (it flags bare majors like "17" as not creatable). Automatic minor upgrades keep it patched.
    /// </summary>
    public const string DefaultEngineVersion = "17.9";

    public string Identifier { get; init; } = "cruddur-db-instance";
    public string Region { get; init; } = "eu-west-1";
    public string InstanceClass { get; init; } = "db.t3.micro";
    public string EngineVersion { get; init; } = DefaultEngineVersion;
    public string DbName { get; init; } = "cruddur";
    public string MasterUsername { get; init; } = "cruddur_owner";
    public int AllocatedStorage { get; init; } = 20;
    public string? SecurityGroupId { get; init; }
    public string? SubnetGroupName { get; init; }
    public string? KmsKeyId { get; init; }
    public string? MonitoringRoleArn { get; init; }
    public int Port { get; init; } = 5432;
    public int BackupDays { get; init; } = 7;
    public bool AllowPublic { get; init; }
    public bool SingleAz { get; init; }
    public bool NoDeletionProtection { get; init; }
    public bool NoEnhancedMonitoring { get; init; }
    public int ReadReplicas { get; init; }
    public bool Proxy { get; init; }
    public string? VpcId { get; init; }
    public IReadOnlyList<string> ProxySubnetIds { get; init; } = [];
    public string? LambdaSecurityGroupId { get; init; }

    /// <summary>RDS manages the master password only of an instance without read replicas (rds-secrets-manager.md, limitations).</summary>
    public bool RdsManagesPassword => ReadReplicas == 0;
    public string ReplicaIdentifier(int number) => $"{Identifier}-replica-{number}";
    public string ProxyName => $"{Identifier}-proxy";
    public string MasterSecretName => $"{Identifier}/master";

    public string Major => EngineVersion.Split('.')[0];
    public string ParameterGroupName => $"{Identifier}-postgres{Major}";

    static readonly string[] GuessableUsers = ["root", "postgres", "admin", "administrator", "master", "sa", "superuser", "rdsadmin"];

    /// <summary>The region a user means: AWS_REGION, then AWS_DEFAULT_REGION, then the document's eu-west-1.</summary>
    public static string RegionFromEnvironment(Func<string, string?> variable) =>
        new[] { "AWS_REGION", "AWS_DEFAULT_REGION" }.Select(variable).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "eu-west-1";

    public PlanOptions Validated()
    {
        Require(Identifier, InstanceId(), "--identifier", "1-63 letters, digits or hyphens, starting with a letter");
        Require(Region, RegionName(), "--region", "a region such as eu-west-1");
        Require(InstanceClass, ClassName(), "--instance-class", "a class such as db.t3.micro");
        Require(EngineVersion, Version(), "--engine-version", "a PostgreSQL version such as 17 or 16.4");
        Require(DbName, SqlName(), "--db-name", "1-63 letters, digits or underscores, starting with a letter");
        Require(MasterUsername, SqlName(), "--master-username", "1-63 letters, digits or underscores, starting with a letter");
        if (GuessableUsers.Contains(MasterUsername, StringComparer.OrdinalIgnoreCase))
            throw new RdsException($"--master-username {MasterUsername} is a name attackers try first (RDS-ADMIN-NAME); choose another, e.g. cruddur_owner");
        if (SecurityGroupId is not null) Require(SecurityGroupId, GroupId(), "--security-group-id", "an id such as sg-0123456789abcdef0");
        if (SubnetGroupName is not null) Require(SubnetGroupName, SubnetGroup(), "--subnet-group-name", "letters, digits, periods, underscores or hyphens");
        if (KmsKeyId is not null) Require(KmsKeyId, KeyId(), "--kms-key-id", "a KMS key id, ARN or alias");
        if (MonitoringRoleArn is not null) Require(MonitoringRoleArn, RoleArn(), "--monitoring-role-arn", "an IAM role ARN");
        if (BackupDays is < 0 or > 35) throw new RdsException($"--backup-days {BackupDays} is out of range (0-35)");
        if (Port is < 1150 or > 65535) throw new RdsException($"--port {Port} is out of range (1150-65535 for RDS)");
        if (ReadReplicas is < 0 or > 15) throw new RdsException($"--read-replicas {ReadReplicas} is out of range (0-15: RDS for PostgreSQL allows 15 per source)");
        if (ReadReplicas > 0 && ReplicaIdentifier(ReadReplicas).Length > 63)
            throw new RdsException($"--identifier {Identifier} is too long for its replicas' names ({ReplicaIdentifier(ReadReplicas)} passes RDS's 63 characters)");
        if (Proxy) ValidateProxy();
        if (AllocatedStorage is < 20 or > 65536) throw new RdsException($"--allocated-storage {AllocatedStorage} is out of range (20-65536 GiB)");
        return this;
    }

    void ValidateProxy()
    {
        if (VpcId is null || ProxySubnetIds.Count < 2 || LambdaSecurityGroupId is null)
            throw new RdsException("--proxy needs --vpc-id, --proxy-subnet-ids with two or more private subnets, and --lambda-security-group-id (the proxy admits only the Lambda)");
        Require(VpcId, VpcIdPattern(), "--vpc-id", "an id such as vpc-0123456789abcdef0");
        foreach (var subnet in ProxySubnetIds) Require(subnet, SubnetId(), "--proxy-subnet-ids", "ids such as subnet-0123456789abcdef0");
        Require(LambdaSecurityGroupId, GroupId(), "--lambda-security-group-id", "an id such as sg-0123456789abcdef0");
    }

    static void Require(string value, Regex pattern, string flag, string expected)
    {
        if (!pattern.IsMatch(value)) throw new RdsException($"{flag} '{value}' is not valid (expected {expected})");
    }

    [GeneratedRegex(@"^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,62}(?<!-)$")] private static partial Regex InstanceId();
    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")] private static partial Regex RegionName();
    [GeneratedRegex(@"^db\.[a-z0-9]+\.[a-z0-9]+$")] private static partial Regex ClassName();
    [GeneratedRegex(@"^\d{2}(\.\d{1,2})?$")] private static partial Regex Version();
    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_]{0,62}$")] private static partial Regex SqlName();
    [GeneratedRegex(@"^sg-[0-9a-f]{8,17}$")] private static partial Regex GroupId();
    [GeneratedRegex(@"^[a-zA-Z0-9._-]{1,255}$")] private static partial Regex SubnetGroup();
    [GeneratedRegex(@"^vpc-[0-9a-f]{8,17}$")] private static partial Regex VpcIdPattern();
    [GeneratedRegex(@"^subnet-[0-9a-f]{8,17}$")] private static partial Regex SubnetId();
    [GeneratedRegex(@"^[a-zA-Z0-9:/_.-]{1,2048}$")] private static partial Regex KeyId();
    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[a-zA-Z0-9+=,.@_/-]+$")] private static partial Regex RoleArn();
}
