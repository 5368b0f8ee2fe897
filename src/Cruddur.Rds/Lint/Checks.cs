using Cruddur.Rds.Rules;

namespace Cruddur.Rds.Lint;

/// <summary>How each rule of the table is evaluated; one method per rule, split by theme across files.</summary>
public static partial class Checks
{
    public delegate Outcome Check(RdsConfiguration c, LintContext context);

    static readonly Dictionary<string, Check> ById = new()
    {
        [RuleIds.Public] = Public,
        [RuleIds.PlaintextPassword] = PlaintextPassword,
        [RuleIds.SgOpen] = SecurityGroupOpen,
        [RuleIds.ReplicaPublic] = ReplicaPublic,
        [RuleIds.ReplicaEncrypt] = ReplicaEncrypted,
        [RuleIds.ProxyTls] = ProxyTls,
        [RuleIds.ProxyIam] = ProxyIam,
        [RuleIds.EncryptRest] = (c, _) => Enabled(c, c.StorageEncrypted, nameof(c.StorageEncrypted), "--storage-encrypted", "StorageEncrypted"),
        [RuleIds.ManagedSecret] = ManagedSecret,
        [RuleIds.TlsForce] = TlsForced,
        [RuleIds.DeletionProtect] = (c, _) => Enabled(c, c.DeletionProtection, nameof(c.DeletionProtection), "--deletion-protection", "DeletionProtection"),
        [RuleIds.IamAuth] = IamAuthentication,
        [RuleIds.Ca] = CertificateAuthority,
        [RuleIds.Backup] = Backup,
        [RuleIds.LogExports] = LogExports,
        [RuleIds.MinorUpgrade] = MinorUpgrade,
        [RuleIds.MultiAz] = (c, _) => Enabled(c, c.MultiAz, nameof(c.MultiAz), "--multi-az", "MultiAZ"),
        [RuleIds.DefaultPort] = DefaultPort,
        [RuleIds.AdminName] = AdminName,
        [RuleIds.EnhMonitoring] = EnhancedMonitoring,
        [RuleIds.PiCmk] = PerformanceInsightsKey,
        [RuleIds.CopyTags] = (c, _) => Enabled(c, c.CopyTagsToSnapshot, nameof(c.CopyTagsToSnapshot), "--copy-tags-to-snapshot", "CopyTagsToSnapshot"),
        [RuleIds.Region] = Region,
        [RuleIds.Idle] = Idle,
    };

    public static Check For(string ruleId) => ById[ruleId];

    /// <summary>The name of a setting as this input spells it.</summary>
    static string Name(RdsConfiguration c, string flag, string property) => c.Kind == InputKind.Command ? flag : property;

    static Outcome CannotResolve(RdsConfiguration c, string flag, string property) =>
        Outcome.Unknown($"{Name(c, flag, property)} cannot be worked out offline (a parameter without a default or an expression)");

    /// <summary>A switch that must be on; when absent the API default (off) applies.</summary>
    static Outcome Enabled(RdsConfiguration c, bool? value, string model, string flag, string property)
    {
        if (c.IsUnresolved(model)) return CannotResolve(c, flag, property);
        return value switch
        {
            true => Outcome.Pass($"{Name(c, flag, property)} is on"),
            false => Outcome.Fail(c.Kind == InputKind.Command ? $"{flag.Replace("--", "--no-")} is given" : $"{property} is false"),
            null => Outcome.Fail($"{Name(c, flag, property)} is not given, so the API default (off) applies"),
        };
    }

    /// <summary>PostgreSQL-only rules say so instead of passing other engines silently.</summary>
    static Outcome? NotPostgres(RdsConfiguration c) => c.Engine switch
    {
        null when c.IsUnresolved(nameof(c.Engine)) => Outcome.Unknown("the engine cannot be worked out offline"),
        null => Outcome.Unknown("the engine is not given, so this PostgreSQL rule cannot be evaluated"),
        _ when !c.IsPostgres => Outcome.Unknown($"engine {c.Engine} is outside this linter's PostgreSQL scope; rule not evaluated"),
        _ => null,
    };
}
