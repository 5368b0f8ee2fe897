namespace Cruddur.Rds.Inputs;

/// <summary>
/// Reads an <c>aws rds create-db-instance ...</c> command (and <c>create-db-instance-read-replica</c>,
/// <c>create-db-proxy</c>), as pasted in a shell or a script, together
/// with any <c>create-db-parameter-group</c> / <c>modify-db-parameter-group</c> calls before it (so a
/// script that sets <c>rds.force_ssl</c> itself is understood).
/// </summary>
public static class CreateCommandReader
{
    public static IReadOnlyList<RdsConfiguration> Read(string text)
    {
        var script = ShellWords.Parse(text);
        var commands = script.Commands.Select(AwsCommand.From).OfType<AwsCommand>().Where(c => c.Service == "rds").Take(InputLimits.MaxCommands + 1).ToList();
        if (commands.Count > InputLimits.MaxCommands)
            throw new RdsException($"the input has more than {InputLimits.MaxCommands} aws rds commands; lint reads at most that many");
        var creates = commands.Where(c => c.Verb is "create-db-instance" or "create-db-instance-read-replica").ToList();
        var proxies = commands.Where(c => c.Verb == "create-db-proxy").ToList();
        if (creates.Count + proxies.Count == 0) throw new RdsException("no 'aws rds create-db-instance' command found in the input");
        if (creates.Count > InputLimits.MaxInstances)
            throw new RdsException($"the input has {creates.Count} create-db-instance commands; lint checks at most {InputLimits.MaxInstances} at a time");
        var forceSsl = ForceSslByGroup(commands);
        var accepted = Acceptance.FromComments(script.Comments);
        return [.. creates.Select(c => ToConfiguration(c, forceSsl, accepted)), .. proxies.Select(c => CreateProxyCommand.Read(c, accepted))];
    }

    static RdsConfiguration ToConfiguration(AwsCommand c, Dictionary<string, string> forceSsl, IReadOnlyDictionary<string, string> accepted)
    {
        var unresolved = new HashSet<string>();
        int? Number(string flag, string property)
        {
            if (c.IsOpaque(flag) || (c.Has(flag) && c.Int(flag) is null)) unresolved.Add(property);
            return c.Int(flag);
        }
        var group = c.Text("db-parameter-group-name");
        var az = c.Text("availability-zone");
        return new RdsConfiguration
        {
            Name = c.Text("db-instance-identifier") ?? "(unnamed instance)",
            Kind = InputKind.Command,
            Target = c.Verb == "create-db-instance-read-replica" ? Rules.Targets.Replica : Rules.Targets.Instance,
            SourceInstance = c.Text("source-db-instance-identifier"),
            HasKmsKey = c.Has("kms-key-id"),
            Engine = c.Text("engine"),
            EngineVersion = c.Text("engine-version"),
            PubliclyAccessible = c.Bool("publicly-accessible"),
            SubnetGroupName = c.Text("db-subnet-group-name"),
            StorageEncrypted = c.Bool("storage-encrypted"),
            DeletionProtection = c.Bool("deletion-protection"),
            SecurityGroupIds = c.List("vpc-security-group-ids"),
            ManageMasterUserPassword = c.Bool("manage-master-user-password"),
            Password = c.Value("master-user-password") switch
            {
                null => PasswordSource.None,
                { Expands: true } => PasswordSource.ShellVariable,
                _ => PasswordSource.Literal,
            },
            IamAuthentication = c.Bool("enable-iam-database-authentication"),
            KerberosDomain = c.Text("domain"),
            ParameterGroupName = group,
            ForceSsl = group is not null && forceSsl.TryGetValue(group, out var value) ? value : null,
            CaIdentifier = c.Text("ca-certificate-identifier"),
            BackupRetentionPeriod = Number("backup-retention-period", nameof(RdsConfiguration.BackupRetentionPeriod)),
            LogExports = c.List("enable-cloudwatch-logs-exports"),
            AutoMinorVersionUpgrade = c.Bool("auto-minor-version-upgrade"),
            MultiAz = c.Bool("multi-az"),
            Port = Number("port", nameof(RdsConfiguration.Port)),
            MasterUsername = c.Text("master-username"),
            MonitoringInterval = Number("monitoring-interval", nameof(RdsConfiguration.MonitoringInterval)),
            PerformanceInsights = c.Bool("enable-performance-insights"),
            PerformanceInsightsKmsKeyId = c.Value("performance-insights-kms-key-id")?.Text,
            CopyTagsToSnapshot = c.Bool("copy-tags-to-snapshot"),
            Region = c.Text("region"),
            AvailabilityZone = az,
            Accepted = accepted,
            Unresolved = unresolved,
        };
    }

    /// <summary>rds.force_ssl per parameter group the script creates ("" when created and not set).</summary>
    static Dictionary<string, string> ForceSslByGroup(List<AwsCommand> commands)
    {
        var groups = new Dictionary<string, string>();
        foreach (var c in commands)
        {
            if (c.Text("db-parameter-group-name") is not { } name) continue;
            if (c.Verb == "create-db-parameter-group") groups.TryAdd(name, "");
            if (c.Verb != "modify-db-parameter-group") continue;
            foreach (var parameter in c.Values("parameters").Select(w => w.Text))
                if (ParameterValue(parameter, "rds.force_ssl") is { } value) groups[name] = value;
        }
        return groups;
    }

    /// <summary>Shorthand <c>ParameterName=x,ParameterValue=1,...</c> or JSON <c>{"ParameterName":"x",...}</c>.</summary>
    static string? ParameterValue(string parameter, string wanted)
    {
        var fields = parameter.Trim('{', '}', '[', ']').Split(',')
            .Select(f => f.Split(['=', ':'], 2))
            .Where(kv => kv.Length == 2)
            .Select(kv => (Key: kv[0].Trim().Trim('"'), Value: kv[1].Trim().Trim('"')))
            .ToList();
        string? Field(string key) => fields.LastOrDefault(f => f.Key == key).Value;
        return Field("ParameterName") == wanted ? Field("ParameterValue") : null;
    }
}
