using System.Text.Json.Nodes;

namespace Cruddur.Rds.Plan;

/// <summary>
/// The read replicas of a plan, as templates and as script lines: each a private, encrypted copy of
/// the writer (same KMS key and parameter group, inherited from the source) with its own enhanced
/// monitoring and Performance Insights, in one Availability Zone.
/// </summary>
public static class ReplicaResources
{
    public static string LogicalId(int number) => $"ReadReplica{number}";

    public static JsonObject Resource(PlanOptions o, int number) => new()
    {
        ["Type"] = "AWS::RDS::DBInstance",
        // A replica holds nothing its source does not: deleting it loses no data.
        ["DeletionPolicy"] = "Delete",
        ["UpdateReplacePolicy"] = "Delete",
        ["Metadata"] = StackTemplate.Accepted(Relaxations.OfReplica(o)),
        ["Properties"] = Properties(o, number),
    };

    static JsonObject Properties(PlanOptions o, int number)
    {
        var p = new JsonObject
        {
            ["DBInstanceIdentifier"] = o.ReplicaIdentifier(number),
            ["SourceDBInstanceIdentifier"] = new JsonObject { ["Ref"] = "Database" },
            ["DBInstanceClass"] = o.InstanceClass,
            ["DBParameterGroupName"] = new JsonObject { ["Ref"] = "DBParameterGroup" },
            ["PubliclyAccessible"] = false,
            ["MultiAZ"] = false,
        };
        SharedSettings.AddTo(p, o);
        return p;
    }

    public static IEnumerable<string> Flags(PlanOptions o, int number, string? roleArn)
    {
        yield return $"--db-instance-identifier {o.ReplicaIdentifier(number)}";
        yield return $"--source-db-instance-identifier {o.Identifier}";
        yield return $"--db-instance-class {o.InstanceClass}";
        yield return $"--db-parameter-group-name {o.ParameterGroupName}";
        yield return "--no-publicly-accessible";
        yield return "--no-multi-az";
        foreach (var flag in SharedSettings.Flags(o, roleArn)) yield return flag;
    }
}
