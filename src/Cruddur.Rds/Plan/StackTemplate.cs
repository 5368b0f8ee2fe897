using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cruddur.Rds.Plan;

/// <summary>
/// The plan as a CloudFormation template: the DB instance (snapshotted on delete and on replacement),
/// a parameter group with rds.force_ssl=1, and the enhanced-monitoring role. Accepted findings sit in
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
        resources["Database"] = new JsonObject
        {
            ["Type"] = "AWS::RDS::DBInstance",
            ["DeletionPolicy"] = "Snapshot",
            ["UpdateReplacePolicy"] = "Snapshot",
            ["Metadata"] = new JsonObject
            {
                ["cruddur"] = new JsonObject
                {
                    ["accept"] = new JsonArray(accepted.Select(a => (JsonNode)new JsonObject { ["id"] = a.RuleId, ["reason"] = a.Reason }).ToArray()),
                },
            },
            ["Properties"] = InstanceProperties.Of(o),
        };
        var template = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = $"cruddur rds plan: {o.Identifier}, RDS for PostgreSQL {o.EngineVersion}, password managed by RDS in Secrets Manager",
            ["Resources"] = resources,
            ["Outputs"] = new JsonObject
            {
                ["Endpoint"] = Output("Database", "Endpoint.Address"),
                ["Port"] = Output("Database", "Endpoint.Port"),
                ["MasterUserSecretArn"] = Output("Database", "MasterUserSecret.SecretArn"),
            },
        };
        return template.ToJsonString(Indented) + "\n";
    }

    static JsonObject MonitoringRole() => new()
    {
        ["Type"] = "AWS::IAM::Role",
        ["Properties"] = new JsonObject
        {
            ["AssumeRolePolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new JsonObject { ["Service"] = "monitoring.rds.amazonaws.com" },
                    ["Action"] = "sts:AssumeRole",
                }),
            },
            ["ManagedPolicyArns"] = new JsonArray(new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole" }),
        },
    };

    static JsonObject Output(string resource, string attribute) => new()
    {
        ["Value"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray(resource, attribute) },
    };
}
