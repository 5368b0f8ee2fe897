namespace Cruddur.Rds.Inputs;

/// <summary>
/// What a read replica takes from a source in the same input: whether it is encrypted, and the engine,
/// version and port it runs when the replica does not say (CreateDBInstanceReadReplica inherits them).
/// </summary>
public static class ReplicaSources
{
    public static IReadOnlyList<RdsConfiguration> Inherit(IReadOnlyList<RdsConfiguration> all)
    {
        var sources = all.Where(c => c.Target == Rules.Targets.Instance).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First());
        return all.Select(c => c.Target == Rules.Targets.Replica && c.SourceInstance is { } name && sources.TryGetValue(name, out var source)
            ? c with
            {
                SourceEncrypted = source.StorageEncrypted == true,
                Engine = c.Engine ?? source.Engine,
                EngineVersion = c.EngineVersion ?? source.EngineVersion,
                Port = c.Port ?? source.Port,
            }
            : c).ToList();
    }
}
