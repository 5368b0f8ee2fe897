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
            ["StorageEncrypted"] = true,
            ["PubliclyAccessible"] = o.AllowPublic,
            ["Port"] = o.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MultiAZ"] = !o.SingleAz,
            ["BackupRetentionPeriod"] = o.BackupDays,
        };
        if (o.RdsManagesPassword)
        {
            p["ManageMasterUserPassword"] = true;
            if (o.KmsKeyId is { } secretKey) p["MasterUserSecret"] = new JsonObject { ["KmsKeyId"] = secretKey };
        }
        else p["MasterUserPassword"] = new JsonObject { ["Fn::Sub"] = "{{resolve:secretsmanager:${MasterSecret}:SecretString:password}}" };
        if (o.KmsKeyId is { } key) p["KmsKeyId"] = key;
        if (o.SubnetGroupName is { } subnets) p["DBSubnetGroupName"] = subnets;
        SharedSettings.AddTo(p, o);
        return p;
    }
}
