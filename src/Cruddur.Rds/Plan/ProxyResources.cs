using System.Globalization;
using System.Text.Json.Nodes;

namespace Cruddur.Rds.Plan;

/// <summary>
/// An RDS Proxy in front of the writer for the Lambda: a burst of invocations shares the proxy's pool
/// instead of opening a connection each, so it cannot exhaust max_connections. Clients need TLS and an
/// IAM token; the proxy logs in with the master secret through a role that may read only that secret.
/// Its own security group admits only the Lambda's; the database's admits the proxy's.
/// </summary>
public static class ProxyResources
{
    public static void AddTo(JsonObject resources, PlanOptions o)
    {
        var port = o.Port.ToString(CultureInfo.InvariantCulture);
        resources["ProxySecurityGroup"] = new JsonObject
        {
            ["Type"] = "AWS::EC2::SecurityGroup",
            ["Properties"] = new JsonObject
            {
                ["GroupDescription"] = $"{o.ProxyName}: PostgreSQL from the Lambda only",
                ["VpcId"] = o.VpcId,
                ["SecurityGroupIngress"] = new JsonArray(Ingress(port, o.LambdaSecurityGroupId!, "the post-confirmation Lambda")),
                ["Tags"] = StackTemplate.Tags(),
            },
        };
        if (o.SecurityGroupId is { } database)
            resources["DatabaseIngressFromProxy"] = new JsonObject
            {
                ["Type"] = "AWS::EC2::SecurityGroupIngress",
                ["Properties"] = Ingress(port, new JsonObject { ["Ref"] = "ProxySecurityGroup" }, o.ProxyName, database),
            };
        resources["ProxyRole"] = new JsonObject
        {
            ["Type"] = "AWS::IAM::Role",
            ["Properties"] = new JsonObject
            {
                ["AssumeRolePolicyDocument"] = StackTemplate.AssumedBy("rds.amazonaws.com"),
                ["Policies"] = new JsonArray(new JsonObject { ["PolicyName"] = "read-master-secret", ["PolicyDocument"] = SecretPolicy(o) }),
            },
        };
        resources["Proxy"] = new JsonObject
        {
            ["Type"] = "AWS::RDS::DBProxy",
            ["Properties"] = new JsonObject
            {
                ["DBProxyName"] = o.ProxyName,
                ["EngineFamily"] = "POSTGRESQL",
                ["RequireTLS"] = true,
                ["IdleClientTimeout"] = 1800,
                ["Auth"] = new JsonArray(new JsonObject
                {
                    ["AuthScheme"] = "SECRETS",
                    ["SecretArn"] = StackTemplate.MasterSecretArn(o),
                    ["IAMAuth"] = "REQUIRED",
                    ["ClientPasswordAuthType"] = "POSTGRES_SCRAM_SHA_256",
                }),
                ["RoleArn"] = new JsonObject { ["Fn::GetAtt"] = new JsonArray("ProxyRole", "Arn") },
                ["VpcSubnetIds"] = new JsonArray(o.ProxySubnetIds.Select(id => (JsonNode?)id).ToArray()),
                ["VpcSecurityGroupIds"] = new JsonArray(new JsonObject { ["Ref"] = "ProxySecurityGroup" }),
                ["Tags"] = StackTemplate.Tags(),
            },
        };
        resources["ProxyTargetGroup"] = new JsonObject
        {
            ["Type"] = "AWS::RDS::DBProxyTargetGroup",
            ["Properties"] = new JsonObject
            {
                ["DBProxyName"] = new JsonObject { ["Ref"] = "Proxy" },
                ["TargetGroupName"] = "default",
                ["DBInstanceIdentifiers"] = new JsonArray(new JsonObject { ["Ref"] = "Database" }),
                ["ConnectionPoolConfigurationInfo"] = new JsonObject
                {
                    ["MaxConnectionsPercent"] = 90,
                    ["MaxIdleConnectionsPercent"] = 10,
                    ["ConnectionBorrowTimeout"] = 120,
                },
            },
        };
    }

    static JsonObject Ingress(string port, JsonNode source, string who, string? groupId = null)
    {
        var rule = new JsonObject();
        if (groupId is not null) rule["GroupId"] = groupId;
        rule["IpProtocol"] = "tcp";
        rule["FromPort"] = port;
        rule["ToPort"] = port;
        rule["SourceSecurityGroupId"] = source;
        rule["Description"] = $"PostgreSQL from {who}";
        return rule;
    }

    /// <summary>GetSecretValue on the master secret only; kms:Decrypt on its key when it is a customer managed one.</summary>
    static JsonObject SecretPolicy(PlanOptions o)
    {
        var statements = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = "secretsmanager:GetSecretValue",
            ["Resource"] = StackTemplate.MasterSecretArn(o),
        });
        if (o.KmsKeyId is { } key)
            statements.Add(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = "kms:Decrypt",
                ["Resource"] = key,
                ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["kms:ViaService"] = $"secretsmanager.{o.Region}.amazonaws.com" } },
            });
        return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements };
    }
}
