namespace Cruddur.Api.Tests.Replicas;

/// <summary>
/// One primary with two asynchronous standbys, built once for the test classes that neither crash nor
/// promote it; each test starts its own API on it. A test that breaks a cluster makes its own.
/// </summary>
public sealed class AsyncStandbys : IAsyncLifetime
{
    public const string Collection = "two asynchronous standbys";

    public ReplicatedCluster Cluster { get; } = new(standbys: 2, synchronous: false);

    public async ValueTask InitializeAsync() => await Cluster.StartAsync();

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}

[CollectionDefinition(AsyncStandbys.Collection)]
public sealed class AsyncStandbysCollection : ICollectionFixture<AsyncStandbys>;
