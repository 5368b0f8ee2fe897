using System.Text.Json.Nodes;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// Reads every <c>AWS::RDS::DBInstance</c> (read replicas too) and <c>AWS::RDS::DBProxy</c> of a CloudFormation
/// template (JSON or YAML). Aurora (a
/// <c>AWS::RDS::DBCluster</c> and its member instances) is out of scope and named as skipped.
/// </summary>
public static class CloudFormationReader
{
    public static (IReadOnlyList<RdsConfiguration> Instances, IReadOnlyList<string> Notes) Read(string text)
    {
        var values = new TemplateValues(TemplateDocument.Parse(text));
        if (values.Resources.Count > InputLimits.MaxResources)
            throw new RdsException($"the template has {values.Resources.Count} resources; CloudFormation allows at most {InputLimits.MaxResources} per template");
        var ingress = new SecurityGroupIngress(values);
        var instances = new List<RdsConfiguration>();
        var notes = new List<string>();
        foreach (var (id, node) in values.Resources)
        {
            var type = TemplateValues.Scalar(node?["Type"]);
            var properties = node?["Properties"] as JsonObject ?? [];
            if (type == "AWS::RDS::DBCluster") notes.Add($"{id}: an Aurora DB cluster, out of scope (this linter checks RDS DB instances)");
            if (type == "AWS::RDS::DBProxy") instances.Add(TemplateProxy.Read(id, node!, values));
            if (type != "AWS::RDS::DBInstance") continue;
            if (properties["DBClusterIdentifier"] is not null || TemplateValues.Scalar(properties["Engine"])?.StartsWith("aurora", StringComparison.OrdinalIgnoreCase) == true)
                notes.Add($"{id}: an Aurora cluster member, out of scope");
            else
                instances.Add(ToConfiguration(id, node!, new TemplateProperties(values, properties), values, ingress));
        }
        if (instances.Count == 0)
            throw new RdsException(notes.Count > 0
                ? "the template has only Aurora DB clusters: out of scope (this linter checks RDS for PostgreSQL DB instances)"
                : "the template has no AWS::RDS::DBInstance resource");
        return (instances, notes);
    }

    static RdsConfiguration ToConfiguration(string id, JsonNode resource, TemplateProperties p, TemplateValues values, SecurityGroupIngress ingress)
    {
        var group = TemplateParameterGroup.Read(p, values);
        var securityGroups = TemplateSecurityGroups.Read(p, values, ingress);
        var source = p.Value("SourceDBInstanceIdentifier");
        var configuration = new RdsConfiguration
        {
            Name = id,
            Kind = InputKind.CloudFormation,
            Target = source is TemplateValue.Missing ? Rules.Targets.Instance : Rules.Targets.Replica,
            SourceInstance = source switch
            {
                TemplateValue.Missing => null,
                TemplateValue.Literal literal => literal.Text,
                TemplateValue.Resource sourceResource => sourceResource.LogicalId,
                _ => "(unresolved)",
            },
            HasKmsKey = p.Value("KmsKeyId") is not TemplateValue.Missing,
            Engine = p.Text("Engine", nameof(RdsConfiguration.Engine)) ?? group.Engine,
            EngineVersion = p.Text("EngineVersion", nameof(RdsConfiguration.EngineVersion)) ?? group.Version,
            PubliclyAccessible = p.Bool("PubliclyAccessible", nameof(RdsConfiguration.PubliclyAccessible)),
            SubnetGroupName = p.Value("DBSubnetGroupName") switch
            {
                TemplateValue.Missing => null,
                TemplateValue.Literal literal => literal.Text,
                TemplateValue.Resource subnets => subnets.LogicalId,
                _ => "(unresolved)",
            },
            StorageEncrypted = p.Bool("StorageEncrypted", nameof(RdsConfiguration.StorageEncrypted)),
            DeletionProtection = p.Bool("DeletionProtection", nameof(RdsConfiguration.DeletionProtection)),
            SecurityGroupIds = securityGroups.Ids,
            SecurityGroupsOpen = securityGroups.Open,
            ManageMasterUserPassword = p.Bool("ManageMasterUserPassword", nameof(RdsConfiguration.ManageMasterUserPassword)),
            Password = TemplatePassword.Source(p.Value("MasterUserPassword"), p.Node("MasterUserPassword")),
            IamAuthentication = p.Bool("EnableIAMDatabaseAuthentication", nameof(RdsConfiguration.IamAuthentication)),
            KerberosDomain = p.Text("Domain", nameof(RdsConfiguration.KerberosDomain)),
            ParameterGroupName = group.Name,
            ForceSsl = group.ForceSsl,
            CaIdentifier = p.Text("CACertificateIdentifier", nameof(RdsConfiguration.CaIdentifier)),
            BackupRetentionPeriod = p.Int("BackupRetentionPeriod", nameof(RdsConfiguration.BackupRetentionPeriod)),
            LogExports = p.List("EnableCloudwatchLogsExports", nameof(RdsConfiguration.LogExports)),
            AutoMinorVersionUpgrade = p.Bool("AutoMinorVersionUpgrade", nameof(RdsConfiguration.AutoMinorVersionUpgrade)),
            MultiAz = p.Bool("MultiAZ", nameof(RdsConfiguration.MultiAz)),
            Port = p.Int("Port", nameof(RdsConfiguration.Port)),
            MasterUsername = p.Text("MasterUsername", nameof(RdsConfiguration.MasterUsername)),
            MonitoringInterval = p.Int("MonitoringInterval", nameof(RdsConfiguration.MonitoringInterval)),
            PerformanceInsights = p.Bool("EnablePerformanceInsights", nameof(RdsConfiguration.PerformanceInsights)),
            PerformanceInsightsKmsKeyId = p.Value("PerformanceInsightsKMSKeyId") is TemplateValue.Missing ? null : "(given)",
            CopyTagsToSnapshot = p.Bool("CopyTagsToSnapshot", nameof(RdsConfiguration.CopyTagsToSnapshot)),
            AvailabilityZone = p.Text("AvailabilityZone", nameof(RdsConfiguration.AvailabilityZone)),
            Accepted = Acceptance.FromMetadata(resource),
        };
        return configuration with { Unresolved = p.Unresolved };
    }
}
