namespace Cruddur.Rds;

public enum InputKind { Command, Describe, CloudFormation }

/// <summary>How the master password reaches the instance; the password itself is never kept.</summary>
public enum PasswordSource { None, Literal, ShellVariable, VisibleParameter, NoEchoParameter, DynamicReference, Unresolved }

/// <summary>
/// One RDS DB instance as the three inputs describe it, normalized. <c>null</c> means "not given" (the
/// API default applies); a property named in <see cref="Unresolved"/> was given but cannot be worked
/// out offline (a CloudFormation expression, a parameter without a default).
/// </summary>
public sealed record RdsConfiguration
{
    public required string Name { get; init; }
    public required InputKind Kind { get; init; }
    /// <summary>A DB instance, a read replica of one (<see cref="SourceInstance"/>), or an RDS Proxy.</summary>
    public Rules.Targets Target { get; init; } = Rules.Targets.Instance;
    public string? SourceInstance { get; init; }
    /// <summary>Whether the replica's source is encrypted, when the source is in the same input.</summary>
    public bool? SourceEncrypted { get; init; }
    public bool HasKmsKey { get; init; }
    /// <summary>A proxy's RequireTLS.</summary>
    public bool? RequireTls { get; init; }
    /// <summary>A proxy's IAMAuth of each Auth entry (REQUIRED or DISABLED); null when no Auth is given.</summary>
    public IReadOnlyList<string>? ProxyIamAuth { get; init; }
    public string? Engine { get; init; }
    public string? EngineVersion { get; init; }
    public bool? PubliclyAccessible { get; init; }
    public string? SubnetGroupName { get; init; }
    public bool? StorageEncrypted { get; init; }
    public bool? DeletionProtection { get; init; }
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }
    /// <summary>true: an open rule was found; false: every group is known and none is open; null: needs an EC2 lookup.</summary>
    public bool? SecurityGroupsOpen { get; init; }
    public bool? ManageMasterUserPassword { get; init; }
    public PasswordSource Password { get; init; }
    public bool? IamAuthentication { get; init; }
    public string? KerberosDomain { get; init; }
    /// <summary>null: the engine's default parameter group.</summary>
    public string? ParameterGroupName { get; init; }
    /// <summary>The parameter group's rds.force_ssl when its contents are known ("" = known, not set).</summary>
    public string? ForceSsl { get; init; }
    public string? CaIdentifier { get; init; }
    public int? BackupRetentionPeriod { get; init; }
    public IReadOnlyList<string>? LogExports { get; init; }
    public bool? AutoMinorVersionUpgrade { get; init; }
    public bool? MultiAz { get; init; }
    public int? Port { get; init; }
    public string? MasterUsername { get; init; }
    public int? MonitoringInterval { get; init; }
    public bool? PerformanceInsights { get; init; }
    public string? PerformanceInsightsKmsKeyId { get; init; }
    public bool? CopyTagsToSnapshot { get; init; }
    public string? Region { get; init; }
    public string? AvailabilityZone { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? AutomaticRestartTime { get; init; }
    /// <summary>Rule id to the reason it was accepted (a plan's relaxation, or a reviewer's note).</summary>
    public IReadOnlyDictionary<string, string> Accepted { get; init; } = new Dictionary<string, string>();
    public IReadOnlySet<string> Unresolved { get; init; } = new HashSet<string>();

    public bool IsUnresolved(string property) => Unresolved.Contains(property);

    public bool IsPostgres => Engine?.Equals("postgres", StringComparison.OrdinalIgnoreCase) == true;

    public int? MajorVersion =>
        EngineVersion?.Split('.')[0] is { } major && int.TryParse(major, out var value) ? value : null;
}
