using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cruddur.Rds.Plan;

/// <summary>
/// The plan as a CloudFormation template: the DB instance (snapshotted on delete and on replacement),
/// a parameter group with rds.force_ssl=1, the enhanced-monitoring role, and the read replicas and the
/// proxy when asked for. Accepted findings sit in
/// the instance's <c>Metadata.cruddur.accept</c>, which <c>cruddur rds lint</c> reads back.
/// </summary>
public static class StackTemplate
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(PlanOptions o, IReadOnlyList<AcceptedFinding> accepted)
    {
        var resources = new JsonObject
        {
            ["DBParameterGroup"] = new JsonObject
            {
                ["Type"] = "AWS::RDS::DBParameterGroup",
                ["Properties"] = new JsonObject
                {
                    ["Family"] = $"postgres{o.Major}",
                    ["Description"] = $"{o.Identifier}: TLS only",
                    ["Parameters"] = new JsonObject { ["rds.force_ssl"] = "1" },
                },
            },
        };
        if (!o.NoEnhancedMonitoring && o.MonitoringRoleArn is null) resources["MonitoringRole"] = MonitoringRole();
        if (!o.RdsManagesPassword) MasterSecret.AddTo(resources, o);
        resources["Database"] = new JsonObject
        {
            ["Type"] = "AWS::RDS::DBInstance",
            ["DeletionPolicy"] = "Snapshot",
            ["UpdateReplacePolicy"] = "Snapshot",
            ["Metadata"] = Accepted(accepted),
            ["Properties"] = InstanceProperties.Of(o),
        };
        for (var i = 1; i <= o.ReadReplicas; i++) resources[ReplicaResources.LogicalId(i)] = ReplicaResources.Resource(o, i);
        if (o.Proxy) ProxyResources.AddTo(resources, o);
        var template = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = $"cruddur rds plan: {o.Identifier}, RDS for PostgreSQL {o.EngineVersion}, password {(o.RdsManagesPassword ? "managed by RDS" : "generated")} in Secrets Manager",
            ["Resources"] = resources,
            ["Outputs"] = Outputs(o),
        };
        return template.ToJsonString(Indented) + "\n";
    }

    static JsonObject Outputs(PlanOptions o)
    {
        var outputs = new JsonObject
        {
            ["Endpoint"] = Output("Database", "Endpoint.Address"),
            ["Port"] = Output("Database", "Endpoint.Port"),
            ["MasterUserSecretArn"] = new JsonObject { ["Value"] = MasterSecretArn(o) },
        };
        for (var i = 1; i <= o.ReadReplicas; i++) outputs[$"ReaderEndpoint{i}"] = Output(ReplicaResources.LogicalId(i), "Endpoint.Address");
        if (o.Proxy) outputs["ProxyEndpoint"] = Output("Proxy", "Endpoint");
        return outputs;
    }

    /// <summary>The master secret: RDS's own when it manages the password, else the plan's (see <see cref="MasterSecret"/>).</summary>
    public static JsonObject MasterSecretArn(PlanOptions o) => o.RdsManagesPassword
        ? new JsonObject { ["Fn::GetAtt"] = new JsonArray("Database", "MasterUserSecret.SecretArn") }
        : new JsonObject { ["Ref"] = "MasterSecret" };

    public static JsonObject Accepted(IReadOnlyList<AcceptedFinding> accepted) => new()
    {
        ["cruddur"] = new JsonObject
        {
            ["accept"] = new JsonArray(accepted.Select(a => (JsonNode)new JsonObject { ["id"] = a.RuleId, ["reason"] = a.Reason }).ToArray()),
        },
    };

    public static JsonArray Tags() => new(new JsonObject { ["Key"] = "app", ["Value"] = "cruddur" });

    public static JsonObject AssumedBy(string service) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = service },
            ["Action"] = "sts:AssumeRole",
        }),
    };

    static JsonObject MonitoringRole() => new()
    {
        ["Type"] = "AWS::IAM::Role",
        ["Properties"] = new JsonObject
        {
            ["AssumeRolePolicyDocument"] = AssumedBy("monitoring.rds.amazonaws.com"),
            ["ManagedPolicyArns"] = new JsonArray(new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole" }),
        },
    };

    static JsonObject Output(string resource, string attribute) => new()
    {
        ["Value"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(resource, attribute) },
    };
}
