using Cruddur.Chores.Admin;
using Cruddur.Chores.Local;
using Cruddur.Data.Settings;
using Npgsql;
using Cruddur.Testing;

namespace Cruddur.Data.Tests.Local;

/// <summary>A primary with hot standbys made by pg_basebackup -R, each a real server on loopback.</summary>
public class StandbyTests(TwoStandbys shared) : IClassFixture<TwoStandbys>, IAsyncLifetime
{
    // For the test that stops and starts its servers; the others share one cluster.
    readonly LocalCluster _cluster = new(Path.Combine(Path.GetTempPath(), $"cruddur-standby-{Guid.NewGuid():N}"), ThrowawaySettings.NoFsync);
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _cluster.DestroyAsync(CancellationToken.None);

    [Fact]
    public async Task Standbys_stream_the_primarys_writes_and_refuse_their_own()
    {
        var settings = shared.Settings;
        var hosts = HostList.Of(settings);
        await ExecuteAsync(On(settings, hosts[0]), "CREATE TABLE replicated (note text); INSERT INTO replicated VALUES ('written on the primary')");

        foreach (var standby in hosts.Skip(1))
        {
            Assert.Equal("written on the primary", await WaitForRowAsync(On(settings, standby)));
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(On(settings, standby), "INSERT INTO replicated VALUES ('x')"));
            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
            Assert.Equal("127.0.0.1", await ScalarAsync<string>(On(settings, standby), "SHOW listen_addresses"));
        }
        var servers = await shared.Cluster.ServersAsync(Ct);
        Assert.Equal(["primary", "standby1", "standby2"], servers.Select(s => s.Name));
        Assert.Equal([ServerRole.Primary, ServerRole.Standby, ServerRole.Standby], servers.Select(s => s.Status!.Role));
        Assert.Equal(hosts.Select(h => h.Port), servers.Select(s => s.Port));
    }

    [Fact]
    public async Task Replication_logs_in_only_as_its_own_user_from_loopback_with_scram()
    {
        var settings = shared.Settings;
        var primary = On(settings, HostList.Of(settings)[0]);

        var rules = await ScalarAsync<string>(primary,
            "SELECT string_agg(type || ' ' || array_to_string(user_name, ',') || ' ' || coalesce(address, '') || ' ' || auth_method, '; ') FROM pg_hba_file_rules WHERE 'replication' = ANY(database)");
        Assert.Equal("host cruddur_replication 127.0.0.1 scram-sha-256", rules);
        Assert.False(await ScalarAsync<bool>(primary, "SELECT rolsuper FROM pg_roles WHERE rolname = 'cruddur_replication'"));
        var state = Path.Combine(shared.Cluster.Home, "cluster.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state));
    }

    [Fact]
    public async Task Sync_makes_commits_wait_for_a_standby_and_stop_start_brings_every_server_back()
    {
        var settings = await _cluster.ReplicateAsync(2, synchronous: true, Ct);
        var primary = On(settings, HostList.Of(settings)[0]);
        Assert.Equal("ANY 1 (\"standby1\", \"standby2\")", await ScalarAsync<string>(primary, "SHOW synchronous_standby_names"));
        // Each walsender rereads synchronous_standby_names on its own after the reload.
        var quorum = await Poll.UntilAsync(async () =>
            await ScalarAsync<long>(primary, "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'quorum'") == 2, TimeSpan.FromMinutes(1));
        Assert.True(quorum, "the standbys are not both quorum candidates after a minute");

        await _cluster.StopAsync(Ct);
        Assert.All(await _cluster.ServersAsync(Ct), s => Assert.False(s.Running));
        await _cluster.StartAsync(Ct);

        Assert.All(await _cluster.ServersAsync(Ct), s => Assert.True(s.Running));
        await ExecuteAsync(primary, "CREATE TABLE after_restart (n int); INSERT INTO after_restart VALUES (1)");
    }

    static NpgsqlConnectionStringBuilder On(NpgsqlConnectionStringBuilder settings, HostEndpoint host) =>
        new(HostList.Single(settings, host).ConnectionString) { Database = "postgres", Pooling = false };

    static async Task<string> WaitForRowAsync(NpgsqlConnectionStringBuilder standby)
    {
        string? note = null;
        var replicated = await Poll.UntilAsync(async () =>
        {
            try
            {
                note = await ScalarAsync<string>(standby, "SELECT note FROM replicated");
                return true;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60));
        Assert.True(replicated, "the table made on the primary did not reach the standby within 60 s");
        return note!;
    }

    static async Task ExecuteAsync(NpgsqlConnectionStringBuilder settings, string sql)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static async Task<T> ScalarAsync<T>(NpgsqlConnectionStringBuilder settings, string sql)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
