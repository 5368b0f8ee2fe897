using System.Security.Cryptography;
using System.Text;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Data.Local;

/// <summary>
/// The embedded PostgreSQL: a cluster under <c>home</c> (by default <c>.cruddur/</c>), created with
/// initdb, run with pg_ctl, listening on 127.0.0.1 only with scram password auth on a free port.
/// </summary>
public sealed partial class LocalCluster(string home, IReadOnlyDictionary<string, string>? serverSettings = null)
{
    const string Superuser = "postgres";
    readonly string _home = Path.GetFullPath(home);
    string StateFile => Path.Combine(_home, "cluster.json");

    public string Home => _home;

    public async Task<NpgsqlConnectionStringBuilder> StartAsync(CancellationToken ct)
    {
        var state = ClusterState.Load(StateFile) ?? await InitializeAsync(ct);
        var data = DataDirectory(state);
        var port = await PgCtl.StartAsync(data, state.Port, Path.Combine(state.ServerDirectory, "server.log"), ct);
        if (port != state.Port)
        {
            state = state with { Port = port };
            state.Save(StateFile);
        }
        state = await StartStandbysAsync(state, ct);
        return Connection(state);
    }

    /// <summary>Stops every server, the primary first so that its standbys receive all of its WAL.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        var state = ClusterState.Load(StateFile);
        if (state is null) return;
        await PgCtl.StopAsync(DataDirectory(state), ct);
        foreach (var standby in state.Replication?.Standbys ?? []) await PgCtl.StopAsync(StandbyDirectory(state, standby), ct);
    }

    public ClusterStatus Status()
    {
        var state = ClusterState.Load(StateFile);
        if (state is null) return new ClusterStatus(false, false, null, Path.Combine(_home, "pg", "data"));
        var data = DataDirectory(state);
        return new ClusterStatus(true, PostmasterPid.IsServerRunning(data), state.Port, data);
    }

    /// <summary>Connection settings for a running cluster, or null when it was never created.</summary>
    public NpgsqlConnectionStringBuilder? ConnectionIfInitialized() =>
        ClusterState.Load(StateFile) is { } state ? Connection(state) : null;

    public async Task DestroyAsync(CancellationToken ct)
    {
        await StopAsync(ct);
        if (ClusterState.Load(StateFile) is { } state && Directory.Exists(state.ServerDirectory))
            Directory.Delete(state.ServerDirectory, recursive: true);
        if (Directory.Exists(_home)) Directory.Delete(_home, recursive: true);
    }

    async Task<ClusterState> InitializeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_home);
        var state = new ClusterState(FreePort.Find(), ClusterState.NewPassword(), await ServerDirectoryAsync(ct));
        if (Directory.Exists(state.ServerDirectory)) Directory.Delete(state.ServerDirectory, recursive: true);
        Directory.CreateDirectory(state.ServerDirectory);
        var passwordFile = Path.Combine(state.ServerDirectory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, state.Password, ct);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        ServerUser.Own(state.ServerDirectory);
        try
        {
            await ServerUser.RunAsync(Path.Combine(PostgresBinaries.Directory(), "initdb"),
                ["-D", DataDirectory(state), "-U", Superuser, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
                 "-E", "UTF8", "--no-locale", "--no-instructions"], ct);
        }
        finally
        {
            File.Delete(passwordFile);
        }
        await File.AppendAllTextAsync(Path.Combine(DataDirectory(state), "postgresql.conf"), ServerConfiguration(), ct);
        state.Save(StateFile);
        return state;
    }

    // Root runs the server as the postgres user, who may not be able to reach a home under /root:
    // the server's files then live under /var/lib/cruddur, named after the home they belong to.
    async Task<string> ServerDirectoryAsync(CancellationToken ct)
    {
        if (await ServerUser.CanReachAsync(_home, ct)) return Path.Combine(_home, "pg");
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_home)))[..16].ToLowerInvariant();
        Directory.CreateDirectory("/var/lib/cruddur");
        return Path.Combine("/var/lib/cruddur", name);
    }

    string ServerConfiguration()
    {
        var settings = new Dictionary<string, string>
        {
            ["listen_addresses"] = "'127.0.0.1'",
            ["unix_socket_directories"] = "''",
            ["password_encryption"] = "'scram-sha-256'",
        };
        foreach (var (key, value) in serverSettings ?? new Dictionary<string, string>()) settings[key] = value;
        return "\n# cruddur\n" + string.Join("", settings.Select(s => $"{s.Key} = {s.Value}\n"));
    }

    static string DataDirectory(ClusterState state) => Path.Combine(state.ServerDirectory, state.DataName);

    // With standbys, libpq's multi-host form with the primary first; chores and writes target the primary.
    static NpgsqlConnectionStringBuilder Connection(ClusterState state) => ConnectionSettings.WithDefaults(new()
    {
        Host = state.Replication is { Standbys.Count: > 0 } replication
            ? string.Join(",", [$"{Loopback}:{state.Port}", .. replication.Standbys.Select(s => $"{Loopback}:{s.Port}")])
            : Loopback,
        Port = state.Port,
        Username = Superuser,
        Password = state.Password,
        TargetSessionAttributes = state.Replication is { Standbys.Count: > 0 } ? "primary" : null,
    });
}
