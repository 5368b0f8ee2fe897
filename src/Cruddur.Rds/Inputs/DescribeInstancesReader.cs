using System.Text.Json;

namespace Cruddur.Rds.Inputs;

/// <summary>Reads <c>aws rds describe-db-instances</c> JSON: every entry of <c>DBInstances[]</c>.</summary>
public static class DescribeInstancesReader
{
    public static IReadOnlyList<RdsConfiguration> Read(JsonElement root)
    {
        if (!root.TryGetProperty("DBInstances", out var instances) || instances.ValueKind != JsonValueKind.Array)
            throw new RdsException("the JSON has no DBInstances array (expected aws rds describe-db-instances output)");
        if (instances.GetArrayLength() == 0) throw new RdsException("DBInstances is empty: there is no instance to check");
        if (instances.GetArrayLength() > InputLimits.MaxInstances)
            throw new RdsException($"DBInstances holds {instances.GetArrayLength()} instances; lint checks at most {InputLimits.MaxInstances} at a time (narrow it with --db-instance-identifier or --filters)");
        var entries = instances.EnumerateArray().ToList();
        if (entries.FindIndex(e => e.ValueKind != JsonValueKind.Object) is var bad and >= 0)
            throw new RdsException($"DBInstances[{bad}] is not an object (expected aws rds describe-db-instances output)");
        return entries.Select(ToConfiguration).ToList();
    }

    static RdsConfiguration ToConfiguration(JsonElement i)
    {
        var group = Text(i, "DBParameterGroups", 0, "DBParameterGroupName");
        return new RdsConfiguration
        {
            Name = Text(i, "DBInstanceIdentifier") ?? "(unnamed instance)",
            Kind = InputKind.Describe,
            Target = Text(i, "ReadReplicaSourceDBInstanceIdentifier") is null ? Rules.Targets.Instance : Rules.Targets.Replica,
            SourceInstance = Text(i, "ReadReplicaSourceDBInstanceIdentifier"),
            HasKmsKey = Text(i, "KmsKeyId") is not null,
            Engine = Text(i, "Engine"),
            EngineVersion = Text(i, "EngineVersion"),
            PubliclyAccessible = Bool(i, "PubliclyAccessible"),
            SubnetGroupName = Text(i, "DBSubnetGroup", "DBSubnetGroupName"),
            StorageEncrypted = Bool(i, "StorageEncrypted"),
            DeletionProtection = Bool(i, "DeletionProtection"),
            SecurityGroupIds = Items(i, "VpcSecurityGroups").Select(g => Text(g, "VpcSecurityGroupId")).OfType<string>().ToList(),
            ManageMasterUserPassword = i.TryGetProperty("MasterUserSecret", out var secret) && Text(secret, "SecretArn") is not null,
            Password = PasswordSource.None,
            IamAuthentication = Bool(i, "IAMDatabaseAuthenticationEnabled"),
            KerberosDomain = Text(i, "DomainMemberships", 0, "Domain"),
            ParameterGroupName = group is null || group.StartsWith("default.", StringComparison.Ordinal) ? null : group,
            CaIdentifier = Text(i, "CACertificateIdentifier"),
            BackupRetentionPeriod = Int(i, "BackupRetentionPeriod"),
            LogExports = i.TryGetProperty("EnabledCloudwatchLogsExports", out _) ? Items(i, "EnabledCloudwatchLogsExports").Select(e => e.GetString() ?? "").ToList() : [],
            AutoMinorVersionUpgrade = Bool(i, "AutoMinorVersionUpgrade"),
            MultiAz = Bool(i, "MultiAZ"),
            Port = Int(i, "Endpoint", "Port") ?? NonZero(Int(i, "DbInstancePort")),
            MasterUsername = Text(i, "MasterUsername"),
            MonitoringInterval = Int(i, "MonitoringInterval") ?? 0,
            PerformanceInsights = Bool(i, "PerformanceInsightsEnabled") ?? false,
            PerformanceInsightsKmsKeyId = Text(i, "PerformanceInsightsKMSKeyId"),
            CopyTagsToSnapshot = Bool(i, "CopyTagsToSnapshot"),
            Region = RegionOf(Text(i, "DBInstanceArn")),
            AvailabilityZone = Text(i, "AvailabilityZone"),
            Status = Text(i, "DBInstanceStatus"),
            AutomaticRestartTime = Text(i, "AutomaticRestartTime") is { } t && DateTimeOffset.TryParse(t, out var at) ? at : null,
        };
    }

    static int? NonZero(int? value) => value is 0 ? null : value;

    /// <summary>arn:aws:rds:REGION:ACCOUNT:db:NAME</summary>
    static string? RegionOf(string? arn) => arn?.Split(':') is { Length: > 4 } parts && parts[3].Length > 0 ? parts[3] : null;

    static JsonElement? Find(JsonElement element, object[] path)
    {
        foreach (var step in path)
        {
            if (step is string name && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child)) element = child;
            else if (step is int index && element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > index) element = element[index];
            else return null;
        }
        return element;
    }

    static string? Text(JsonElement e, params object[] path) => Find(e, path) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    static bool? Bool(JsonElement e, params object[] path) => Find(e, path) is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    static int? Int(JsonElement e, params object[] path) => Find(e, path) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var n) ? n : null;

    static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];
}
