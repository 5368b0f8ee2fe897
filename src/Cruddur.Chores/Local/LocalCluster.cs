using System.Security.Cryptography;
using System.Text;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Chores.Local;

/// <summary>
/// The embedded PostgreSQL: a cluster under <c>home</c> (by default <c>.cruddur/</c>), created with
/// initdb, run with pg_ctl, listening on 127.0.0.1 only with scram password auth on a free port.
/// Every operation holds the home's lock, so two cruddur processes never work on it at once.
/// </summary>
public sealed partial class LocalCluster(string home, IReadOnlyDictionary<string, string>? serverSettings = null)
{
    const string Superuser = "postgres";
    readonly string _home = Path.GetFullPath(home);
    ClusterLock? _held;
    string StateFile => Path.Combine(_home, ClusterState.FileName);

    public string Home => _home;

    /// <summary>Where the server programs are: Debian's folders unless the caller's variables say otherwise.</summary>
    public PostgresBinaries Binaries { get; init; } = PostgresBinaries.Installed;

    internal ServerControl Servers => new(Binaries);

    // A cluster told not to fsync (a test's) is not worth syncing to disk while it is made either:
    // initdb's and pg_basebackup's option for that.
    IEnumerable<string> NoSync => serverSettings?.GetValueOrDefault("fsync") == "off" ? ["--no-sync"] : [];

    /// <summary>Folders that other parts of cruddur make in the home (the local Cognito's): destroy removes them too.</summary>
    public IReadOnlyList<string> OtherFolders { get; init; } = [];

    /// <summary>Hears what the cluster is waiting for or repairing, one line each.</summary>
    public Action<string> Progress { get; set; } = _ => { };

    /// <summary>
    /// Holds the lock until disposed, for work that spans several steps (<c>up</c>'s create, migrate and
    /// seed); this instance's own operations meanwhile do not wait for it.
    /// </summary>
    public async Task<IDisposable> HoldAsync(CancellationToken ct)
    {
        if (_held is not null) return new Hold(null);
        _held = await ClusterLock.AcquireAsync(_home, Progress, ct);
        return new Hold(this);
    }

    public async Task<NpgsqlConnectionStringBuilder> StartAsync(CancellationToken ct)
    {
        using var hold = await HoldAsync(ct);
        var state = await ClusterRepair.OpenAsync(this, ct) ?? await InitializeAsync(await NewStateAsync(ct), ct);
        var data = DataDirectory(state);
        if (PostmasterPid.Port(data) is { } running)
        {
            if (running != state.Port) Save(state = state with { Port = running });
        }
        else
        {
            state = await StartServerAsync(state, ct);
        }
        await ClusterRepair.EnsurePasswordAsync(this, state, ct);
        state = await StartStandbysAsync(state, ct);
        return Connection(state);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        using var hold = await HoldAsync(ct);
        if (Load() is not { } state) return;
        await StopServerAsync(state, ct);
        await StopStandbysAsync(state, ct);
    }

    public ClusterStatus Status()
    {
        var state = Load();
        if (state is null || state.Creating) return new ClusterStatus(false, false, null, Path.Combine(_home, "pg", "data"));
        var data = DataDirectory(state);
        return new ClusterStatus(true, PostmasterPid.IsServerRunning(data), PostmasterPid.Port(data) ?? state.Port, data);
    }

    /// <summary>Connection settings for a running cluster, or null when it was never created.</summary>
    public NpgsqlConnectionStringBuilder? ConnectionIfInitialized() =>
        Load() is { Creating: false } state ? Connection(state) : null;

    /// <summary>Stops the cluster and deletes what cruddur made, nothing else; returns what it removed.</summary>
    public async Task<IReadOnlyList<string>> DestroyAsync(CancellationToken ct)
    {
        if (!Directory.Exists(_home)) return [];
        ClusterHome.RefuseIfForeign(_home, OtherFolders);
        using var hold = await HoldAsync(ct);
        var state = Load();
        if (state is not null)
        {
            await StopServerAsync(state, ct);
            await StopStandbysAsync(state, ct);
        }
        return ClusterHome.Remove(_home, state?.ServerDirectory, state?.DataName ?? "data", OtherFolders, _held!);
    }

    internal ClusterState? Load() => ClusterState.Load(StateFile);

    internal void Save(ClusterState state) => state.Save(StateFile);

    internal async Task<ClusterState> StartServerAsync(ClusterState state, CancellationToken ct)
    {
        var port = await Servers.StartAsync(DataDirectory(state), state.Port, Path.Combine(state.ServerDirectory, "server.log"), ct);
        if (port != state.Port) Save(state = state with { Port = port });
        return state;
    }

    internal Task StopServerAsync(ClusterState state, CancellationToken ct) => Servers.StopAsync(DataDirectory(state), ct);

    internal async Task<ClusterState> NewStateAsync(CancellationToken ct) =>
        new(FreePort.Find(), ClusterState.NewPassword(), await ServerDirectoryAsync(ct));

    /// <summary>initdb into the state's server folder (cruddur's own, emptied first), then marks the state complete.</summary>
    internal async Task<ClusterState> InitializeAsync(ClusterState state, CancellationToken ct)
    {
        Save(state = state with { Creating = true });
        if (Directory.Exists(state.ServerDirectory)) Directory.Delete(state.ServerDirectory, recursive: true);
        Directory.CreateDirectory(state.ServerDirectory);
        var passwordFile = Path.Combine(state.ServerDirectory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, state.Password, ct);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await ServerUser.OwnAsync(state.ServerDirectory, ct);
        try
        {
            await ServerUser.RunAsync(Binaries.Server("initdb"),
                ["-D", DataDirectory(state), "-U", Superuser, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
                 "-E", "UTF8", "--no-locale", "--no-instructions", .. NoSync], ct);
        }
        finally
        {
            File.Delete(passwordFile);
        }
        await File.AppendAllTextAsync(Path.Combine(DataDirectory(state), "postgresql.conf"), ServerConfiguration(), ct);
        Save(state = state with { Creating = false });
        return state;
    }

    // Root runs the server as the postgres user, who may not be able to reach a home under /root:
    // the server's files then live under /var/lib/cruddur, named after the home they belong to.
    internal async Task<string> ServerDirectoryAsync(CancellationToken ct)
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
        return $"\n{ClusterHome.ConfigurationMarker}\n" + string.Join("", settings.Select(s => $"{s.Key} = {s.Value}\n"));
    }

    internal static string DataDirectory(ClusterState state) => Path.Combine(state.ServerDirectory, state.DataName);

    // With standbys, libpq's multi-host form with the primary first; chores and writes target the primary.
    internal static NpgsqlConnectionStringBuilder Connection(ClusterState state) => ConnectionProfile.Cli.Apply(new()
    {
        Host = state.Replication is { Standbys.Count: > 0 } replication
            ? string.Join(",", [$"{Loopback}:{state.Port}", .. replication.Standbys.Select(s => $"{Loopback}:{s.Port}")])
            : Loopback,
        Port = state.Port,
        Username = Superuser,
        Password = state.Password,
        TargetSessionAttributes = state.Replication is { Standbys.Count: > 0 } ? "primary" : null,
    });

    sealed class Hold(LocalCluster? owner) : IDisposable
    {
        public void Dispose()
        {
            if (owner?._held is not { } held) return;
            owner._held = null;
            held.Dispose();
        }
    }
}
