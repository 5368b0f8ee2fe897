using System.Text;

namespace Cruddur.Rds.Plan;

/// <summary>The script lines of <see cref="ProxyResources"/>: the same security groups, role, proxy and target.</summary>
public static class ProxyScript
{
    public static void Write(StringBuilder s, PlanOptions o)
    {
        var r = o.Region;
        s.AppendLine();
        s.AppendLine("# RDS Proxy for the Lambda: a burst of invocations shares the proxy's pool instead of exhausting max_connections.");
        s.AppendLine("# Clients need TLS and an IAM token; the proxy reads the master secret through a role allowed that secret only.");
        if (o.RdsManagesPassword)
            s.AppendLine($"secret_arn=$(aws rds describe-db-instances --region {r} --db-instance-identifier {o.Identifier} --query 'DBInstances[0].MasterUserSecret.SecretArn' --output text)");
        s.AppendLine($"proxy_sg=$(aws ec2 create-security-group --region {r} --group-name {o.ProxyName} --description \"{o.ProxyName}: PostgreSQL from the Lambda only\" --vpc-id {o.VpcId} --query GroupId --output text)");
        s.AppendLine($"aws ec2 authorize-security-group-ingress --region {r} --group-id \"$proxy_sg\" --protocol tcp --port {o.Port} --source-group {o.LambdaSecurityGroupId}");
        if (o.SecurityGroupId is { } database)
            s.AppendLine($"aws ec2 authorize-security-group-ingress --region {r} --group-id {database} --protocol tcp --port {o.Port} --source-group \"$proxy_sg\"");
        s.AppendLine($"aws iam create-role --role-name {o.ProxyName} \\");
        s.AppendLine("  --assume-role-policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"rds.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}'");
        var kms = o.KmsKeyId is { } key
            ? $",{{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"kms:Decrypt\\\",\\\"Resource\\\":\\\"{key}\\\",\\\"Condition\\\":{{\\\"StringEquals\\\":{{\\\"kms:ViaService\\\":\\\"secretsmanager.{r}.amazonaws.com\\\"}}}}}}"
            : "";
        s.AppendLine($"aws iam put-role-policy --role-name {o.ProxyName} --policy-name read-master-secret \\");
        s.AppendLine($"  --policy-document \"{{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"secretsmanager:GetSecretValue\\\",\\\"Resource\\\":\\\"$secret_arn\\\"}}{kms}]}}\"");
        s.AppendLine($"proxy_role_arn=$(aws iam get-role --role-name {o.ProxyName} --query Role.Arn --output text)");
        s.AppendLine($"aws rds create-db-proxy --region {r} \\");
        s.AppendLine($"  --db-proxy-name {o.ProxyName} \\");
        s.AppendLine("  --engine-family POSTGRESQL \\");
        s.AppendLine("  --auth \"AuthScheme=SECRETS,SecretArn=$secret_arn,IAMAuth=REQUIRED,ClientPasswordAuthType=POSTGRES_SCRAM_SHA_256\" \\");
        s.AppendLine("  --role-arn \"$proxy_role_arn\" \\");
        s.AppendLine($"  --vpc-subnet-ids {string.Join(' ', o.ProxySubnetIds)} \\");
        s.AppendLine("  --vpc-security-group-ids \"$proxy_sg\" \\");
        s.AppendLine("  --require-tls \\");
        s.AppendLine("  --idle-client-timeout 1800 \\");
        s.AppendLine("  --tags Key=app,Value=cruddur");
        s.AppendLine($"until [ \"$(aws rds describe-db-proxies --region {r} --db-proxy-name {o.ProxyName} --query 'DBProxies[0].Status' --output text)\" = available ]; do sleep 15; done");
        s.AppendLine($"aws rds register-db-proxy-targets --region {r} --db-proxy-name {o.ProxyName} --db-instance-identifiers {o.Identifier}");
    }
}
