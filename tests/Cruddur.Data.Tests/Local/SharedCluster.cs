using Cruddur.Chores.Local;
using Cruddur.Testing;

namespace Cruddur.Data.Tests.Local;

/// <summary>One local cluster for the tests of a class that start it whatever state it is in; destroyed at the end.</summary>
public sealed class SharedCluster : IAsyncLifetime
{
    public LocalCluster Cluster { get; } = new(Path.Combine(Path.GetTempPath(), $"cruddur-local-{Guid.NewGuid():N}"), ThrowawaySettings.NoFsync);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await Cluster.DestroyAsync(CancellationToken.None);
}
