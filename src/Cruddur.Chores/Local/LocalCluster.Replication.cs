using Cruddur.Data;
using Cruddur.Chores.Admin;
using Npgsql;

namespace Cruddur.Chores.Local;

/// <summary>A local server and what it is now.</summary>
public sealed record LocalServer(string Name, int Port, bool Running, HostStatus? Status);

// The local cluster's hot standbys: each a base backup of the primary streaming from it, in its own folder
// next to the primary's, on its own free port, run like the primary.
public sealed partial class LocalCluster
{
    const string Loopback = "127.0.0.1";
    const int MaxStandbys = 9;

    /// <summary>
    /// Starts the cluster with exactly <paramref name="count"/> standbys (new ones made with pg_basebackup -R,
    /// extra ones removed), waits until each streams, then makes commits wait for one of them when
    /// <paramref name="synchronous"/>.
    /// </summary>
    public async Task<NpgsqlConnectionStringBuilder> ReplicateAsync(int count, bool synchronous, CancellationToken ct)
    {
        if (count is < 0 or > MaxStandbys) throw new CruddurException($"--replicas must be 0 to {MaxStandbys} (got {count})");
        if (synchronous && count == 0) throw new CruddurException("--sync needs at least one standby (add --replicas 1)");
        using var hold = await HoldAsync(ct);
        await StartAsync(ct);
        var state = ClusterState.Load(StateFile)!;
        var replication = state.Replication ?? new Replication(ClusterState.NewPassword(), synchronous, []);
        await using var primary = await OpenPrimaryAsync(state, ct);
        if (state.Replication is null) await StandbySetup.PreparePrimaryAsync(primary, DataDirectory(state), replication.Password, ct);

        // Commits must not wait for a standby being removed or not yet made.
        await StandbySetup.SetSynchronousAsync(primary, [], ct);
        var standbys = replication.Standbys.ToList();
        foreach (var extra in standbys.Skip(count).ToList()) await RemoveStandbyAsync(state, extra, standbys, ct);
        while (standbys.Count < count) standbys.Add(await AddStandbyAsync(state, replication.Password, standbys, ct));

        state = state with { Replication = replication with { Synchronous = synchronous, Standbys = standbys } };
        state.Save(StateFile);
        state = await StartStandbysAsync(state, ct);
        foreach (var standby in standbys) await StandbySetup.WaitForStreamingAsync(primary, standby.Name, ct);
        if (synchronous) await StandbySetup.SetSynchronousAsync(primary, [.. standbys.Select(s => s.Name)], ct);
        return Connection(state);
    }

    /// <summary>Every server, primary first, and what each says it is.</summary>
    public async Task<IReadOnlyList<LocalServer>> ServersAsync(CancellationToken ct)
    {
        if (ClusterState.Load(StateFile) is not { } state) return [];
        var statuses = await HostRoles.ReadAsync(Connection(state), ct);
        var primary = new LocalServer("primary", state.Port, PostmasterPid.IsServerRunning(DataDirectory(state)), statuses[0]);
        return [primary, .. (state.Replication?.Standbys ?? []).Select((s, i) =>
            new LocalServer(s.Name, s.Port, PostmasterPid.IsServerRunning(StandbyDirectory(state, s)), statuses[i + 1]))];
    }

    /// <summary>Stops one server, e.g. <c>primary</c> to see the standbys carry on; immediate is a crash.</summary>
    public async Task StopServerAsync(string name, bool immediate, CancellationToken ct)
    {
        var state = ClusterState.Load(StateFile) ?? throw new CruddurException("the local cluster was never started");
        var data = name == "primary" ? DataDirectory(state) : StandbyDirectory(state, Standby(state, name));
        await Servers.StopAsync(data, ct, immediate);
    }

    async Task StopStandbysAsync(ClusterState state, CancellationToken ct)
    {
        foreach (var standby in state.Replication?.Standbys ?? []) await Servers.StopAsync(StandbyDirectory(state, standby), ct);
    }

    async Task<ClusterState> StartStandbysAsync(ClusterState state, CancellationToken ct)
    {
        if (state.Replication is not { } replication) return state;
        var standbys = new List<StandbyState>();
        foreach (var standby in replication.Standbys)
        {
            var data = StandbyDirectory(state, standby);
            await StandbySetup.FollowAsync(data, state.Port, ct);
            var port = await Servers.StartAsync(data, standby.Port, Path.Combine(state.ServerDirectory, $"{standby.Name}.log"), ct);
            standbys.Add(standby with { Port = port });
        }
        if (standbys.SequenceEqual(replication.Standbys)) return state;
        var moved = state with { Replication = replication with { Standbys = standbys } };
        moved.Save(StateFile);
        return moved;
    }

    async Task<StandbyState> AddStandbyAsync(ClusterState state, string password, IReadOnlyList<StandbyState> standbys, CancellationToken ct)
    {
        var name = Enumerable.Range(1, MaxStandbys + 1).Select(n => $"standby{n}")
            .First(n => n != state.DataName && standbys.All(s => s.Name != n) && !Directory.Exists(Path.Combine(state.ServerDirectory, n)));
        var standby = new StandbyState(name, FreePort.Find());
        await StandbySetup.BaseBackupAsync(Binaries, NoSync, StandbyDirectory(state, standby), name, state.Port, password, ct);
        return standby;
    }

    async Task RemoveStandbyAsync(ClusterState state, StandbyState standby, List<StandbyState> standbys, CancellationToken ct)
    {
        await Servers.StopAsync(StandbyDirectory(state, standby), ct);
        Directory.Delete(StandbyDirectory(state, standby), recursive: true);
        standbys.Remove(standby);
    }

    async Task<NpgsqlConnection> OpenPrimaryAsync(ClusterState state, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(Connection(state).ConnectionString)
            { Host = Loopback, Port = state.Port, Database = "postgres", TargetSessionAttributes = null, Pooling = false };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    static StandbyState Standby(ClusterState state, string name) =>
        state.Replication?.Standbys.FirstOrDefault(s => s.Name == name)
        ?? throw new CruddurException($"there is no server {name} (see: cruddur local status)");

    static string StandbyDirectory(ClusterState state, StandbyState standby) => Path.Combine(state.ServerDirectory, standby.Name);
}
