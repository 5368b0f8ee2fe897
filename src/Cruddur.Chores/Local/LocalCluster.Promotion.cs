using Cruddur.Data;
using Cruddur.Chores.Admin;

namespace Cruddur.Chores.Local;

/// <summary>What a promotion did: which standby is now the primary, and which standbys follow it.</summary>
public sealed record Promotion(string Promoted, int Port, IReadOnlyList<string> Following);

// Failover, as a managed service does it: fence the old primary, promote the standby that has received
// the most WAL (with synchronous replication it holds every acknowledged commit), point the others at it.
public sealed partial class LocalCluster
{
    /// <summary>
    /// Promotes standby <paramref name="number"/> (or the most advanced one). The old primary is stopped
    /// and discarded, since its WAL has diverged; <c>ReplicateAsync</c> makes fresh standbys again.
    /// </summary>
    public async Task<Promotion> PromoteAsync(int? number, CancellationToken ct)
    {
        using var hold = await HoldAsync(ct);
        var state = ClusterState.Load(StateFile);
        if (state?.Replication is not { Standbys.Count: > 0 } replication)
            throw new CruddurException("the local cluster has no standby to promote (run: cruddur local start --replicas 1)");
        var servers = await ServersAsync(ct);
        var chosen = number is { } n ? Standby(state, $"standby{n}") : MostAdvanced(state, servers);
        if (!servers.Single(s => s.Name == chosen.Name).Running)
            throw new CruddurException($"{chosen.Name} is not running (run: cruddur local start)");

        await Servers.StopAsync(DataDirectory(state), ct);
        await Servers.PromoteAsync(StandbyDirectory(state, chosen), ct);
        Directory.Delete(DataDirectory(state), recursive: true);

        var followers = replication.Standbys.Where(s => s != chosen).ToList();
        var promoted = state with { Port = chosen.Port, DataName = chosen.Name, Replication = replication with { Standbys = followers } };
        promoted.Save(StateFile);
        foreach (var follower in followers)
        {
            await StandbySetup.FollowAsync(StandbyDirectory(promoted, follower), promoted.Port, ct);
            await Servers.ReloadAsync(StandbyDirectory(promoted, follower), ct);
        }
        await using var primary = await OpenPrimaryAsync(promoted, ct);
        await StandbySetup.SetSynchronousAsync(primary, replication.Synchronous ? [.. followers.Select(f => f.Name)] : [], ct);
        return new Promotion(chosen.Name, chosen.Port, [.. followers.Select(f => f.Name)]);
    }

    static StandbyState MostAdvanced(ClusterState state, IReadOnlyList<LocalServer> servers) =>
        state.Replication!.Standbys
            .Where(s => servers.Single(server => server.Name == s.Name).Status is { Role: ServerRole.Standby })
            .MaxBy(s => (ulong?)servers.Single(server => server.Name == s.Name).Status!.Received)
        ?? throw new CruddurException("no standby is running (run: cruddur local start)");
}
