using Cruddur.Chores.Admin;
using Cruddur.Chores.Local;
using Cruddur.Data.Settings;
using Npgsql;
using Cruddur.Testing;

namespace Cruddur.Api.Tests.Replicas;

/// <summary>
/// A primary with hot standbys of one test class's own, created, migrated and seeded once, to crash
/// and fail over under a running API; destroyed at the end. The shared test server is never harmed.
/// </summary>
public sealed class ReplicatedCluster(int standbys, bool synchronous) : IAsyncDisposable
{
    readonly LocalCluster _cluster = new(Path.Combine(Path.GetTempPath(), $"cruddur-replicated-{Guid.NewGuid():N}"), ThrowawaySettings.NoFsync);

    /// <summary>Every server, the primary first, as the API is configured with them.</summary>
    public Database Database { get; private set; } = null!;

    public IReadOnlyList<HostEndpoint> Hosts => HostList.Of(Database.Settings);

    public async Task StartAsync()
    {
        var settings = await _cluster.ReplicateAsync(standbys, synchronous, CancellationToken.None);
        Database = new Database(settings, "a test's own replicated cluster");
        await OwnCluster.PrepareAsync(Database);
        await WaitForStandbysAsync();
    }

    /// <summary>
    /// Waits (a minute at most) until no standby lags the primary, as <c>db status</c> measures it: before
    /// that, a standby may not have the prepared database yet.
    /// </summary>
    async Task WaitForStandbysAsync()
    {
        var caughtUp = await Poll.UntilAsync(async () => (await HostRoles.ReadAsync(Database.Settings, CancellationToken.None))
            .Where(host => host.Role != ServerRole.Primary).All(host => host.LagBytes == 0), TimeSpan.FromMinutes(1));
        Assert.True(caughtUp, "a standby has not replayed the prepared database after a minute");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _cluster.DestroyAsync(CancellationToken.None);
    }

    /// <summary>The primary crashes (pg_ctl stop -m immediate): no shutdown, no last WAL sent.</summary>
    public Task LosePrimaryAsync() => _cluster.StopServerAsync("primary", immediate: true, CancellationToken.None);

    public Task<Promotion> PromoteAsync() => _cluster.PromoteAsync(null, CancellationToken.None);

    /// <summary>The first column of every row on the current primary, wherever it is after a promotion.</summary>
    public Task<List<T>> QueryPrimaryAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        Rows.ReadAsync<T>(new NpgsqlConnectionStringBuilder(_cluster.ConnectionIfInitialized()!.ConnectionString) { Pooling = false }, sql, parameters);

    /// <summary>The first column of every row on one server.</summary>
    public Task<List<T>> QueryAsync<T>(HostEndpoint host, string sql, params (string Name, object Value)[] parameters) =>
        Rows.ReadAsync<T>(new NpgsqlConnectionStringBuilder(HostList.Single(Database.Settings, host).ConnectionString) { Pooling = false }, sql, parameters);

    /// <summary>How many of the API's sessions a server has.</summary>
    public async Task<long> ApiSessionsAsync(HostEndpoint host) =>
        (await QueryAsync<long>(host, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cruddur-api'")).Single();

    /// <summary>Waits (a minute at most) until a server has the activity.</summary>
    public async Task WaitForActivityAsync(HostEndpoint host, Guid uuid)
    {
        var arrived = await Poll.UntilAsync(async () =>
            (await QueryAsync<Guid>(host, "SELECT uuid FROM activities WHERE uuid = @uuid", ("uuid", uuid))).Count > 0, TimeSpan.FromMinutes(1));
        Assert.True(arrived, $"{host} does not have activity {uuid} after a minute");
    }
}
