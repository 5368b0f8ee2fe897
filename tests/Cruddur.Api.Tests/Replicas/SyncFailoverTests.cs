using Cruddur.Api.Tests.Auth;
using Microsoft.AspNetCore.Builder;

namespace Cruddur.Api.Tests.Replicas;

/// <summary>Synchronous replication, as RDS Multi-AZ: a post answered 201 is on a standby too, so a crash of the primary loses none.</summary>
public class SyncFailoverTests(TestUserPool pool) : IAsyncLifetime
{
    const string Handle = OwnCluster.Poster;
    readonly ReplicatedCluster _cluster = new(standbys: 2, synchronous: true);

    public async ValueTask InitializeAsync() => await _cluster.StartAsync();

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task With_sync_replication_no_acknowledged_post_is_lost_when_the_primary_crashes_and_a_standby_is_promoted()
    {
        await using var app = CruddurApi.Build(pool.ApiSettings(_cluster.Database));
        await app.StartAsync();
        var stream = new PostStream(app.Address(), pool.AccessToken(Handle));
        stream.Start();
        await stream.WaitForMoreAsync(201, 50);

        await _cluster.LosePrimaryAsync();
        await stream.WaitForMoreAsync(503, 5);
        var promotion = await _cluster.PromoteAsync();
        await stream.WaitForMoreAsync(201, 50);
        var outcomes = await stream.StopAsync();

        Assert.All(outcomes, o => Assert.True(o.Status is 201 or 503, $"a post was answered {o.Status} {o.Failure}; seen {stream.Summary()}"));
        var created = stream.Created;
        var stored = await _cluster.QueryPrimaryAsync<Guid>("SELECT uuid FROM activities WHERE uuid = ANY(@uuids)", ("uuids", created));
        TestContext.Current.TestOutputHelper?.WriteLine($"{created.Length} posts answered 201, {stored.Count} on {promotion.Promoted}; {stream.Summary()}");
        Assert.Equal(created.Order(), stored.Order());
    }
}
