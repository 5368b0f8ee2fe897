using System.Text.Json.Nodes;

namespace Cruddur.Rds.Plan;

/// <summary>The <c>AWS::RDS::DBInstance</c> properties of a plan; the same choices as <see cref="CreateScript"/>.</summary>
public static class InstanceProperties
{
    public static JsonObject Of(PlanOptions o)
    {
        var p = new JsonObject
        {
            ["DBInstanceIdentifier"] = o.Identifier,
            ["DBInstanceClass"] = o.InstanceClass,
            ["Engine"] = "postgres",
            ["EngineVersion"] = o.EngineVersion,
            ["DBParameterGroupName"] = new JsonObject { ["Ref"] = "DBParameterGroup" },
            ["AllocatedStorage"] = o.AllocatedStorage.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StorageType"] = "gp3",
            ["DBName"] = o.DbName,
            ["MasterUsername"] = o.MasterUsername,
            ["ManageMasterUserPassword"] = true,
            ["StorageEncrypted"] = true,
            ["PubliclyAccessible"] = o.AllowPublic,
            ["Port"] = o.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MultiAZ"] = !o.SingleAz,
            ["BackupRetentionPeriod"] = o.BackupDays,
            ["DeletionProtection"] = !o.NoDeletionProtection,
            ["EnableIAMDatabaseAuthentication"] = true,
            ["EnableCloudwatchLogsExports"] = new JsonArray("postgresql", "upgrade"),
            ["AutoMinorVersionUpgrade"] = true,
            ["CopyTagsToSnapshot"] = true,
            ["CACertificateIdentifier"] = "rds-ca-rsa2048-g1",
            ["EnablePerformanceInsights"] = true,
            ["PerformanceInsightsRetentionPeriod"] = 7,
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "app", ["Value"] = "cruddur" }),
        };
        if (o.KmsKeyId is { } key)
        {
            p["KmsKeyId"] = key;
            p["MasterUserSecret"] = new JsonObject { ["KmsKeyId"] = key };
            p["PerformanceInsightsKMSKeyId"] = key;
        }
        if (o.SubnetGroupName is { } subnets) p["DBSubnetGroupName"] = subnets;
        if (o.SecurityGroupId is { } group) p["VPCSecurityGroups"] = new JsonArray(group);
        if (!o.NoEnhancedMonitoring)
        {
            p["MonitoringInterval"] = 60;
            p["MonitoringRoleArn"] = o.MonitoringRoleArn is { } arn ? arn : new JsonObject { ["Fn::GetAtt"] = new JsonArray("MonitoringRole", "Arn") };
        }
        return p;
    }
}
