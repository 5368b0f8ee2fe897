using Cruddur.Data;
using System.Text.RegularExpressions;
using Cruddur.Chores.Roles;
using Npgsql;

namespace Cruddur.Chores.Local;

/// <summary>
/// The steps that give a local primary its hot standbys: a replication login allowed from 127.0.0.1
/// only, a base backup per standby (<c>pg_basebackup -R</c>), and which standbys commits wait for.
/// </summary>
static partial class StandbySetup
{
    const string Loopback = "127.0.0.1";

    /// <summary>Creates the replication login (scram, a verifier computed here) and allows it in pg_hba.conf for 127.0.0.1 only.</summary>
    public static async Task PreparePrimaryAsync(NpgsqlConnection primary, string data, string password, CancellationToken ct)
    {
        var role = Identifier.Quote(Replication.User);
        var exists = await ScalarAsync<bool>(primary, ChoreSql.Load("Roles/RoleExists.sql"), ct, ("role", Replication.User));
        var sql = ChoreSql.Load(exists ? "Roles/SetPassword.sql" : "Replication/CreateUser.sql").Replace("{role}", role, StringComparison.Ordinal);
        await ExecuteAsync(primary, sql.Replace("{verifier}", $"'{ScramVerifier.For(password)}'", StringComparison.Ordinal), ct);
        await ExecuteAsync(primary, ChoreSql.Load("Replication/KeepWal.sql"), ct);
        await AllowReplicationLoginAsync(Path.Combine(data, "pg_hba.conf"), ct);
        await ExecuteAsync(primary, ChoreSql.Load("Replication/Reload.sql"), ct);
    }

    // initdb allows replication for every user from every local address; only our login from 127.0.0.1 remains.
    static async Task AllowReplicationLoginAsync(string hba, CancellationToken ct)
    {
        var lines = (await File.ReadAllLinesAsync(hba, ct)).Where(line => !IsReplicationEntry(line)).ToList();
        lines.Add($"host    replication     {Replication.User}     {Loopback}/32            scram-sha-256");
        await File.WriteAllLinesAsync(hba, lines, ct);
    }

    static bool IsReplicationEntry(string line) =>
        line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [not ['#', ..], "replication", ..];

    /// <summary>A hot standby of the primary on <paramref name="primaryPort"/>: a base backup whose <c>-R</c> makes it stream from there.</summary>
    public static async Task BaseBackupAsync(
        PostgresBinaries binaries, IEnumerable<string> options, string data, string name, int primaryPort, string password, CancellationToken ct)
    {
        var binary = binaries.Server("pg_basebackup");
        var source = $"host={Loopback} port={primaryPort} user={Replication.User} application_name={name}";
        await ServerUser.RunAsync(binary, ["-D", data, "-R", "-X", "stream", "-c", "fast", "-w", "-d", source, .. options], ct,
            environment: new Dictionary<string, string?> { ["PGPASSWORD"] = password });
    }

    /// <summary>Points a standby at the primary's current port (it moves when its port was taken, or on a promotion).</summary>
    public static async Task FollowAsync(string data, int primaryPort, CancellationToken ct)
    {
        var file = Path.Combine(data, "postgresql.auto.conf");
        var text = await File.ReadAllTextAsync(file, ct);
        var followed = PrimaryPort().Replace(text, $"${{1}}{primaryPort}");
        if (followed != text) await File.WriteAllTextAsync(file, followed, ct);
    }

    [GeneratedRegex(@"(?m)^(primary_conninfo = '.*?\bport=)\d+")]
    private static partial Regex PrimaryPort();

    /// <summary>Commits wait for any one of the standbys (none: they wait for nothing); takes effect at once.</summary>
    public static async Task SetSynchronousAsync(NpgsqlConnection primary, IReadOnlyList<string> standbys, CancellationToken ct)
    {
        var sql = standbys.Count == 0
            ? ChoreSql.Load("Replication/ResetSynchronousStandbys.sql")
            : ChoreSql.Load("Replication/SetSynchronousStandbys.sql").Replace(
                "{names}", $"'ANY 1 ({string.Join(", ", standbys.Select(Identifier.Quote))})'", StringComparison.Ordinal);
        await ExecuteAsync(primary, sql, ct);
        await ExecuteAsync(primary, ChoreSql.Load("Replication/Reload.sql"), ct);
    }

    /// <summary>Waits (a minute at most) until the standby streams from the primary.</summary>
    public static async Task WaitForStreamingAsync(NpgsqlConnection primary, string name, CancellationToken ct)
    {
        var sql = ChoreSql.Load("Replication/IsStreaming.sql");
        for (var waited = TimeSpan.Zero; !await ScalarAsync<bool>(primary, sql, ct, ("name", name)); waited += TimeSpan.FromMilliseconds(100))
        {
            if (waited > TimeSpan.FromMinutes(1)) throw new CruddurException($"{name} does not stream from the primary after a minute (see its log)");
            await Task.Delay(100, ct);
        }
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (key, value) in parameters) command.Parameters.AddWithValue(key, value);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
