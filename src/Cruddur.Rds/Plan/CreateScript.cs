using System.Text;

namespace Cruddur.Rds.Plan;

/// <summary>
/// The plan as a bash script: the parameter group that forces TLS, the enhanced-monitoring role when
/// none is given, then <c>aws rds create-db-instance</c>. Accepted findings lead as
/// <c># cruddur-accept:</c> comments, which <c>cruddur rds lint</c> reads back.
/// </summary>
public static class CreateScript
{
    const string MonitoringRole = "rds-monitoring-role";

    public static string Render(PlanOptions o, IReadOnlyList<AcceptedFinding> accepted)
    {
        var s = new StringBuilder();
        s.AppendLine("#!/usr/bin/env bash");
        s.AppendLine($"# cruddur rds plan: {o.Identifier}, PostgreSQL {o.EngineVersion} in {o.Region}. No password anywhere: RDS keeps it in Secrets Manager.");
        s.AppendLine("set -euo pipefail");
        foreach (var a in accepted) s.AppendLine($"# {Inputs.Acceptance.CommentPrefix} {a.RuleId} {a.Reason}");
        s.AppendLine();
        s.AppendLine("# rds.force_ssl=1: refuse connections without TLS (already the default from PostgreSQL 15, made explicit)");
        Command(s, "create-db-parameter-group", o.Region,
            $"--db-parameter-group-name {o.ParameterGroupName}", $"--db-parameter-group-family postgres{o.Major}", $"--description \"{o.Identifier}: TLS only\"");
        Command(s, "modify-db-parameter-group", o.Region,
            $"--db-parameter-group-name {o.ParameterGroupName}", "--parameters \"ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=pending-reboot\"");
        var roleArn = o.MonitoringRoleArn;
        if (!o.NoEnhancedMonitoring && roleArn is null)
        {
            s.AppendLine();
            s.AppendLine("# Enhanced monitoring publishes OS metrics through a role RDS assumes (created once)");
            s.AppendLine($"aws iam create-role --role-name {MonitoringRole} \\");
            s.AppendLine("  --assume-role-policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"monitoring.rds.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}'");
            s.AppendLine($"aws iam attach-role-policy --role-name {MonitoringRole} --policy-arn arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");
            s.AppendLine($"monitoring_role_arn=$(aws iam get-role --role-name {MonitoringRole} --query Role.Arn --output text)");
            roleArn = "\"$monitoring_role_arn\"";
        }
        s.AppendLine();
        Command(s, "create-db-instance", o.Region, InstanceFlags(o, roleArn).ToArray());
        return s.ToString();
    }

    static IEnumerable<string> InstanceFlags(PlanOptions o, string? roleArn)
    {
        yield return $"--db-instance-identifier {o.Identifier}";
        yield return $"--db-instance-class {o.InstanceClass}";
        yield return "--engine postgres";
        yield return $"--engine-version {o.EngineVersion}";
        yield return $"--db-parameter-group-name {o.ParameterGroupName}";
        yield return $"--allocated-storage {o.AllocatedStorage}";
        yield return "--storage-type gp3";
        yield return $"--db-name {o.DbName}";
        yield return $"--master-username {o.MasterUsername}";
        yield return "--manage-master-user-password";
        yield return "--storage-encrypted";
        if (o.KmsKeyId is { } key)
        {
            yield return $"--kms-key-id {key}";
            yield return $"--master-user-secret-kms-key-id {key}";
        }
        yield return o.AllowPublic ? "--publicly-accessible" : "--no-publicly-accessible";
        if (o.SubnetGroupName is { } subnets) yield return $"--db-subnet-group-name {subnets}";
        if (o.SecurityGroupId is { } group) yield return $"--vpc-security-group-ids {group}";
        yield return $"--port {o.Port}";
        yield return o.SingleAz ? "--no-multi-az" : "--multi-az";
        yield return $"--backup-retention-period {o.BackupDays}";
        yield return o.NoDeletionProtection ? "--no-deletion-protection" : "--deletion-protection";
        yield return "--enable-iam-database-authentication";
        yield return "--enable-cloudwatch-logs-exports postgresql upgrade";
        yield return "--auto-minor-version-upgrade";
        yield return "--copy-tags-to-snapshot";
        yield return "--ca-certificate-identifier rds-ca-rsa2048-g1";
        if (!o.NoEnhancedMonitoring) yield return $"--monitoring-interval 60 --monitoring-role-arn {roleArn}";
        yield return "--enable-performance-insights --performance-insights-retention-period 7";
        if (o.KmsKeyId is { } piKey) yield return $"--performance-insights-kms-key-id {piKey}";
        yield return "--tags Key=app,Value=cruddur";
    }

    static void Command(StringBuilder s, string verb, string region, params string[] flags)
    {
        s.Append($"aws rds {verb} --region {region}");
        foreach (var flag in flags) s.Append($" \\\n  {flag}");
        s.AppendLine();
    }
}
