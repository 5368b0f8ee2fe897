using Cruddur.Data;
using Npgsql;

namespace Cruddur.Chores.Local;

/// <summary>
/// Recognises a half-made or out-of-step cluster and brings it back, saying what it repairs: an
/// interrupted initdb, a lost <c>cluster.json</c>, a missing data folder, a password that differs.
/// </summary>
static class ClusterRepair
{
    /// <summary>The state to start from, repaired when needed; null when there is no cluster yet.</summary>
    public static async Task<ClusterState?> OpenAsync(LocalCluster cluster, CancellationToken ct)
    {
        var state = cluster.Load();
        if (state is null) return await AdoptAsync(cluster, ct);
        if (state.Creating)
        {
            cluster.Progress("Repairing: the last creation of the local cluster was interrupted; creating it again");
            return await cluster.InitializeAsync(state, ct);
        }
        if (!File.Exists(Path.Combine(LocalCluster.DataDirectory(state), "PG_VERSION")))
        {
            cluster.Progress($"Repairing: the data folder {LocalCluster.DataDirectory(state)} is missing; creating an empty cluster");
            return await cluster.InitializeAsync(state, ct);
        }
        return state;
    }

    // No cluster.json: a complete cluster keeps its data and gets a new password (set at start);
    // what an interrupted creation left is made again; anything else is not ours to touch.
    static async Task<ClusterState?> AdoptAsync(LocalCluster cluster, CancellationToken ct)
    {
        var state = await cluster.NewStateAsync(ct);
        var server = state.ServerDirectory;
        if (!Directory.Exists(server)) return null;
        if (ClusterHome.IsCluster(server))
        {
            cluster.Progress($"Repairing: {ClusterState.FileName} is missing; keeping the data in {server} with a new password");
            cluster.Save(state);
            return state;
        }
        if (ClusterHome.IsHalfMade(server))
        {
            cluster.Progress($"Repairing: an interrupted creation left {server}; creating the cluster again");
            return await cluster.InitializeAsync(state, ct);
        }
        throw new CruddurException($"{server} exists but is not a cruddur cluster (move it away, or set CRUDDUR_HOME to another folder)");
    }

    /// <summary>Connects once; a password the server does not take is set again in single-user mode.</summary>
    public static async Task<ClusterState> EnsurePasswordAsync(LocalCluster cluster, ClusterState state, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(LocalCluster.Connection(state).ConnectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(ct);
            return state;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            cluster.Progress($"Repairing: the server's password differed from {ClusterState.FileName}; setting it again");
        }
        await cluster.StopServerAsync(state, ct);
        var postgres = cluster.Binaries.Server("postgres");
        var literal = state.Password.Replace("'", "''");
        await ServerUser.RunAsync(postgres, ["--single", "-D", LocalCluster.DataDirectory(state), "postgres"], ct,
            input: $"ALTER ROLE postgres PASSWORD '{literal}';\n");
        return await cluster.StartServerAsync(state, ct);
    }
}
