using System.Data.Common;
using System.Net;
using Npgsql;

namespace Cruddur.Data.Settings;

/// <summary>
/// Encryption in transit: production and remote hosts default to <c>sslmode=verify-full</c>, the root
/// certificate comes from <c>sslrootcert=</c>, <c>PGSSLROOTCERT</c> or the cached RDS CA bundle, and a
/// connection that could go unencrypted to a remote host is refused unless explicitly allowed.
/// </summary>
public static class Transport
{
    public const string AllowPlaintextVariable = "CRUDDUR_ALLOW_PLAINTEXT";
    public const string RootCertificateVariable = "PGSSLROOTCERT";

    public static ConnectionSpec Secure(ConnectionSpec spec, Target target, Func<string, string?> variables, string source)
    {
        var settings = new NpgsqlConnectionStringBuilder(spec.Settings.ConnectionString);
        if (!SslModeGiven(spec.Settings) && (target == Target.Prod || !IsLoopback(settings.Host)))
            settings.SslMode = SslMode.VerifyFull;
        if (settings.SslMode is SslMode.VerifyCA or SslMode.VerifyFull && string.IsNullOrEmpty(settings.RootCertificate))
            settings.RootCertificate = variables(RootCertificateVariable) is { Length: > 0 } root ? root : RdsCaBundle.CachedPath(variables);
        var options = spec.Options with { AllowPlaintext = spec.Options.AllowPlaintext || variables(AllowPlaintextVariable) is "1" or "true" };
        RefusePlaintext(settings, options, source);
        return new ConnectionSpec(settings, options);
    }

    /// <summary>Throws when the connection could send the password unencrypted to a host other than this machine.</summary>
    public static void RefusePlaintext(NpgsqlConnectionStringBuilder settings, ConnectionOptions options, string source)
    {
        if (options.AllowPlaintext || IsLoopback(settings.Host) || settings.SslMode is SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull)
            return;
        throw new CruddurException(
            $"refusing sslmode={Name(settings.SslMode)} to {settings.Host}: the connection may be unencrypted " +
            $"(use sslmode=verify-full in {source}, or allow plaintext explicitly with ?allow_plaintext=true or {AllowPlaintextVariable}=1)");
    }

    /// <summary>Whether every host named is this machine (or a Unix socket), where plaintext never crosses a network.</summary>
    public static bool IsLoopback(string? hosts) =>
        string.IsNullOrEmpty(hosts) || hosts.Split(',').All(IsLoopbackEntry);

    // An entry of a multi-host list may carry a port: "localhost:5433", "[::1]:5433".
    static bool IsLoopbackEntry(string entry)
    {
        var host = entry.Trim();
        var colon = host.LastIndexOf(':');
        return IsLoopbackHost(host.Trim('[', ']')) || (colon > 0 && IsLoopbackHost(host[..colon].Trim('[', ']')));
    }

    static bool IsLoopbackHost(string host) =>
        host.StartsWith('/') || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    // Npgsql's builder reports every keyword as present; its connection string lists only those set.
    static bool SslModeGiven(NpgsqlConnectionStringBuilder settings) =>
        new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString }.ContainsKey("SSL Mode");

    public static string Name(SslMode mode) => mode switch
    {
        SslMode.Disable => "disable",
        SslMode.Allow => "allow",
        SslMode.Require => "require",
        SslMode.VerifyCA => "verify-ca",
        SslMode.VerifyFull => "verify-full",
        _ => "prefer",
    };
}
