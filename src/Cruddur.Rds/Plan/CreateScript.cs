using System.Text;

namespace Cruddur.Rds.Plan;

/// <summary>
/// The plan as a bash script: the parameter group that forces TLS, the enhanced-monitoring role when
/// none is given, then <c>aws rds create-db-instance</c>, its read replicas and its proxy when asked for. Accepted findings lead as
/// <c># cruddur-accept:</c> comments, which <c>cruddur rds lint</c> reads back.
/// </summary>
public static class CreateScript
{
    const string MonitoringRole = "rds-monitoring-role";

    public static string Render(PlanOptions o, IReadOnlyList<AcceptedFinding> accepted)
    {
        var s = new StringBuilder();
        s.AppendLine("#!/usr/bin/env bash");
        var password = o.RdsManagesPassword ? "RDS keeps it in Secrets Manager" : $"it lives in the Secrets Manager secret {o.MasterSecretName}";
        s.AppendLine($"# cruddur rds plan: {o.Identifier}, PostgreSQL {o.EngineVersion} in {o.Region}. No password on any command line: {password}.");
        s.AppendLine("set -euo pipefail");
        var replicaOnly = o.ReadReplicas > 0 ? Relaxations.OfReplica(o).Where(r => accepted.All(a => a.RuleId != r.RuleId)) : [];
        foreach (var a in accepted.Concat(replicaOnly)) s.AppendLine($"# {Inputs.Acceptance.CommentPrefix} {a.RuleId} {a.Reason}");
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
        if (!o.RdsManagesPassword) MasterSecret.WriteScript(s, o);
        s.AppendLine();
        Command(s, "create-db-instance", o.Region, InstanceFlags(o, roleArn).ToArray());
        if (o.ReadReplicas == 0 && !o.Proxy) return s.ToString();
        s.AppendLine($"aws rds wait db-instance-available --region {o.Region} --db-instance-identifier {o.Identifier}");
        for (var i = 1; i <= o.ReadReplicas; i++)
        {
            s.AppendLine();
            s.AppendLine($"# Read replica {i}: private, encrypted with the writer's key, its own monitoring and Performance Insights");
            Command(s, "create-db-instance-read-replica", o.Region, ReplicaResources.Flags(o, i, roleArn).ToArray());
        }
        if (o.Proxy) ProxyScript.Write(s, o);
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
        yield return o.RdsManagesPassword ? "--manage-master-user-password" : "--cli-input-json \"file://$secret_file\"";
        yield return "--storage-encrypted";
        if (o.KmsKeyId is { } key)
        {
            yield return $"--kms-key-id {key}";
            if (o.RdsManagesPassword) yield return $"--master-user-secret-kms-key-id {key}";
        }
        yield return o.AllowPublic ? "--publicly-accessible" : "--no-publicly-accessible";
        if (o.SubnetGroupName is { } subnets) yield return $"--db-subnet-group-name {subnets}";
        yield return $"--port {o.Port}";
        yield return o.SingleAz ? "--no-multi-az" : "--multi-az";
        yield return $"--backup-retention-period {o.BackupDays}";
        foreach (var flag in SharedSettings.Flags(o, roleArn)) yield return flag;
    }

    static void Command(StringBuilder s, string verb, string region, params string[] flags)
    {
        s.Append($"aws rds {verb} --region {region}");
        foreach (var flag in flags) s.Append($" \\\n  {flag}");
        s.AppendLine();
    }
}
