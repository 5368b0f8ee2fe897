namespace Cruddur.Testing;

/// <summary>Server settings for the clusters tests make and destroy: durability is not under test.</summary>
public static class ThrowawaySettings
{
    /// <summary>
    /// No fsync, and nothing else: commits still reach the kernel before they are acknowledged, so a
    /// server that is stopped, killed or crashed loses nothing, and synchronous replication still waits.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NoFsync { get; } = new Dictionary<string, string> { ["fsync"] = "off" };
}
