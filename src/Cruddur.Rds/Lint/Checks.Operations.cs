namespace Cruddur.Rds.Lint;

/// <summary>Recoverability, visibility and running costs.</summary>
public static partial class Checks
{
    /// <summary>Unset is the API default of 1 day, a failure (checkov's CKV_AWS_133 passes it).</summary>
    static Outcome Backup(RdsConfiguration c, LintContext _)
    {
        var name = Name(c, "--backup-retention-period", "BackupRetentionPeriod");
        if (c.IsUnresolved(nameof(c.BackupRetentionPeriod))) return CannotResolve(c, "--backup-retention-period", "BackupRetentionPeriod");
        return c.BackupRetentionPeriod switch
        {
            null when c.Kind == InputKind.Describe => Outcome.Unknown("BackupRetentionPeriod is missing from the output"),
            null => Outcome.Fail($"{name} is not given: the API default is 1 day (the console's is 7)"),
            0 => Outcome.Fail($"{name} is 0, which disables automated backups and point-in-time recovery"),
            < 7 and var days => Outcome.Fail($"{name} is {days} day{(days == 1 ? "" : "s")}; Security Hub RDS.11 asks for at least 7"),
            var days => Outcome.Pass($"{days} days"),
        };
    }

    static Outcome LogExports(RdsConfiguration c, LintContext _)
    {
        if (NotPostgres(c) is { } outOfScope) return outOfScope;
        if (c.IsUnresolved(nameof(c.LogExports))) return CannotResolve(c, "--enable-cloudwatch-logs-exports", "EnableCloudwatchLogsExports");
        var missing = new[] { "postgresql", "upgrade" }.Except(c.LogExports ?? []).ToList();
        return missing.Count == 0
            ? Outcome.Pass("postgresql and upgrade logs exported")
            : Outcome.Fail($"not exported to CloudWatch: {string.Join(" and ", missing)}");
    }

    static Outcome MinorUpgrade(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.AutoMinorVersionUpgrade))) return CannotResolve(c, "--auto-minor-version-upgrade", "AutoMinorVersionUpgrade");
        return c.AutoMinorVersionUpgrade == false
            ? Outcome.Fail($"{Name(c, "--no-auto-minor-version-upgrade", "AutoMinorVersionUpgrade: false")} is given")
            : Outcome.Pass("on (the default)");
    }

    static Outcome DefaultPort(RdsConfiguration c, LintContext _)
    {
        if (NotPostgres(c) is { } outOfScope) return outOfScope;
        if (c.IsUnresolved(nameof(c.Port))) return CannotResolve(c, "--port", "Port");
        return (c.Port ?? 5432) == 5432
            ? Outcome.Fail(c.Port is null ? "no port is given, so PostgreSQL's 5432 is used" : "port 5432 is PostgreSQL's default")
            : Outcome.Pass($"port {c.Port}");
    }

    static Outcome EnhancedMonitoring(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.MonitoringInterval))) return CannotResolve(c, "--monitoring-interval", "MonitoringInterval");
        return c.MonitoringInterval is > 0
            ? Outcome.Pass($"every {c.MonitoringInterval} s")
            : Outcome.Fail($"{Name(c, "--monitoring-interval", "MonitoringInterval")} is {(c.MonitoringInterval is null ? "not given (default 0, off)" : "0 (off)")}");
    }

    static Outcome PerformanceInsightsKey(RdsConfiguration c, LintContext _)
    {
        if (c.IsUnresolved(nameof(c.PerformanceInsights))) return CannotResolve(c, "--enable-performance-insights", "EnablePerformanceInsights");
        if (c.PerformanceInsights != true) return Outcome.NotApplicable("Performance Insights is off");
        return c.PerformanceInsightsKmsKeyId is null
            ? Outcome.Fail("Performance Insights is on without a KMS key, so the default aws/rds key encrypts it")
            : Outcome.Pass("Performance Insights uses a customer managed key");
    }
}
