using Cruddur.Chores.Local;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Data.Tests.Local;

/// <summary>A primary with two asynchronous standbys, replicated once for the standby tests that only look at it.</summary>
public sealed class TwoStandbys : IAsyncLifetime
{
    public LocalCluster Cluster { get; } = new(Path.Combine(Path.GetTempPath(), $"cruddur-standby-{Guid.NewGuid():N}"), ThrowawaySettings.NoFsync);

    public NpgsqlConnectionStringBuilder Settings { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Settings = await Cluster.ReplicateAsync(2, synchronous: false, CancellationToken.None);

    public async ValueTask DisposeAsync() => await Cluster.DestroyAsync(CancellationToken.None);
}
