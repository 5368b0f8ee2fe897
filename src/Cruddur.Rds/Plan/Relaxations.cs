using Cruddur.Rds.Rules;

namespace Cruddur.Rds.Plan;

/// <summary>A finding the plan keeps on purpose, with the flag that asked for it or the reason it is the default.</summary>
public sealed record AcceptedFinding(string RuleId, string Reason);

/// <summary>Turns a plan's relaxations into named, accepted findings, so lint shows them instead of passing them.</summary>
public static class Relaxations
{
    public static IReadOnlyList<AcceptedFinding> Of(PlanOptions o)
    {
        var accepted = new List<AcceptedFinding>();
        if (o.AllowPublic)
            accepted.Add(new(RuleIds.Public, "--allow-public: reachable from the internet for direct developer access; keep the security group to your /32 (cruddur rds update-sg-rule)"));
        if (o.NoDeletionProtection)
            accepted.Add(new(RuleIds.DeletionProtect, "--no-deletion-protection: the instance can be deleted in one call"));
        if (o.BackupDays < 7)
            accepted.Add(new(RuleIds.Backup, o.BackupDays == 0 ? "--backup-days 0: no automated backups, no point-in-time recovery" : $"--backup-days {o.BackupDays}: fewer than 7 days to notice and recover"));
        if (o.SingleAz)
            accepted.Add(new(RuleIds.MultiAz, "--single-az: half the cost, no standby; fine for a dev database"));
        if (o.NoEnhancedMonitoring)
            accepted.Add(new(RuleIds.EnhMonitoring, "--no-enhanced-monitoring: OS metrics only at the default 60 s CloudWatch granularity"));
        if (o.Port == 5432)
            accepted.Add(new(RuleIds.DefaultPort, "5432 kept by default: the instance is TLS-only and behind a security group; another port only slows scanners (--port to change)"));
        if (!o.RdsManagesPassword)
            accepted.Add(new(RuleIds.ManagedSecret, $"--read-replicas: RDS cannot manage the master password of an instance with read replicas, so it is generated into the Secrets Manager secret {o.MasterSecretName} (rotate it with Secrets Manager)"));
        if (o.KmsKeyId is null)
            accepted.Add(new(RuleIds.PiCmk, "no --kms-key-id: storage, Performance Insights and the secret use AWS managed keys"));
        return accepted;
    }

    /// <summary>What a replica keeps on purpose: the writer's relaxations that apply to it, and its single Availability Zone.</summary>
    public static IReadOnlyList<AcceptedFinding> OfReplica(PlanOptions o) =>
    [
        .. Of(o).Where(a => a.RuleId is not (RuleIds.Public or RuleIds.Backup or RuleIds.ManagedSecret or RuleIds.MultiAz)),
        new(RuleIds.MultiAz, "a read replica serves reads in one Availability Zone; the writer's Multi-AZ standby is what fails over"),
    ];
}
