using System.Diagnostics;
using Cruddur.Chores.Local;
using Npgsql;

namespace Cruddur.Security.Tests.Tls;

/// <summary>
/// A second throwaway PostgreSQL that serves TLS with a certificate from our own test CA, naming only
/// 127.0.0.1 (so <c>localhost</c> is a wrong host name for it).
/// </summary>
public sealed class TlsServer : IAsyncLifetime
{
    readonly string _root = Path.Combine(Path.GetTempPath(), $"cruddur-tls-{Guid.NewGuid():N}");
    LocalCluster? _cluster;

    public CertificateAuthority Authority { get; private set; } = null!;
    public NpgsqlConnectionStringBuilder Superuser { get; private set; } = new();

    public async ValueTask InitializeAsync()
    {
        Authority = await CertificateAuthority.CreateAsync(Path.Combine(_root, "certs"), "127.0.0.1");
        await GiveKeyToServerUserAsync(Authority.ServerKey);
        _cluster = new LocalCluster(Path.Combine(_root, "cluster"), new Dictionary<string, string>
        {
            ["ssl"] = "on",
            ["ssl_cert_file"] = $"'{Authority.ServerCertificate}'",
            ["ssl_key_file"] = $"'{Authority.ServerKey}'",
            ["fsync"] = "off",
        });
        Superuser = await _cluster.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null) await _cluster.DestroyAsync(CancellationToken.None);
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>The superuser's URL on this server, for <c>host</c> and with the given query string.</summary>
    public string Url(string host, string query) =>
        $"postgresql://postgres:{Uri.EscapeDataString(Superuser.Password!)}@{host}:{Superuser.Port}/postgres?{query}";

    // PostgreSQL reads its key only when the server's OS user owns it with mode 0600; as root the
    // local cluster runs the server as postgres.
    static async Task GiveKeyToServerUserAsync(string key)
    {
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (!Environment.IsPrivilegedProcess) return;
        using var chown = Process.Start("chown", ["postgres:", key])!;
        await chown.WaitForExitAsync();
        if (chown.ExitCode != 0) throw new InvalidOperationException($"cannot give {key} to postgres");
    }
}
