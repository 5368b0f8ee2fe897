using System.Text.Json.Nodes;

namespace Cruddur.Rds.Plan;

/// <summary>
/// What the writer and each read replica carry alike, said once for the template and once for the
/// script: deletion protection, IAM auth, log exports, minor upgrades, tags to snapshots, the CA,
/// Performance Insights, enhanced monitoring, the security group and the tags.
/// </summary>
public static class SharedSettings
{
    public static void AddTo(JsonObject p, PlanOptions o)
    {
        p["DeletionProtection"] = !o.NoDeletionProtection;
        p["EnableIAMDatabaseAuthentication"] = true;
        p["EnableCloudwatchLogsExports"] = new JsonArray("postgresql", "upgrade");
        p["AutoMinorVersionUpgrade"] = true;
        p["CopyTagsToSnapshot"] = true;
        p["CACertificateIdentifier"] = "rds-ca-rsa2048-g1";
        p["EnablePerformanceInsights"] = true;
        p["PerformanceInsightsRetentionPeriod"] = 7;
        if (o.KmsKeyId is { } key) p["PerformanceInsightsKMSKeyId"] = key;
        if (o.SecurityGroupId is { } group) p["VPCSecurityGroups"] = new JsonArray(group);
        if (!o.NoEnhancedMonitoring)
        {
            p["MonitoringInterval"] = 60;
            p["MonitoringRoleArn"] = o.MonitoringRoleArn is { } arn ? arn : new JsonObject { ["Fn::GetAtt"] = new JsonArray("MonitoringRole", "Arn") };
        }
        p["Tags"] = StackTemplate.Tags();
    }

    public static IEnumerable<string> Flags(PlanOptions o, string? roleArn)
    {
        yield return o.NoDeletionProtection ? "--no-deletion-protection" : "--deletion-protection";
        yield return "--enable-iam-database-authentication";
        yield return "--enable-cloudwatch-logs-exports postgresql upgrade";
        yield return "--auto-minor-version-upgrade";
        yield return "--copy-tags-to-snapshot";
        yield return "--ca-certificate-identifier rds-ca-rsa2048-g1";
        yield return "--enable-performance-insights --performance-insights-retention-period 7";
        if (o.KmsKeyId is { } key) yield return $"--performance-insights-kms-key-id {key}";
        if (o.SecurityGroupId is { } group) yield return $"--vpc-security-group-ids {group}";
        if (!o.NoEnhancedMonitoring) yield return $"--monitoring-interval 60 --monitoring-role-arn {roleArn}";
        yield return "--tags Key=app,Value=cruddur";
    }
}
