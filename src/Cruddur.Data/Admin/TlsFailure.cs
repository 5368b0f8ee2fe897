using System.Security.Authentication;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Data.Admin;

/// <summary>
/// Says why a TLS handshake failed. .NET reports only "certificate rejected", so for verify-full we
/// try once more with verify-ca: if that succeeds the CA is right and the host name is what is wrong.
/// </summary>
static class TlsFailure
{
    public static bool IsTls(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is AuthenticationException) return true;
        return false;
    }

    public static async Task<string> DiagnoseAsync(NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        if (settings.SslMode == SslMode.VerifyFull && await TrustedWithoutHostCheckAsync(settings, ct))
            return $"the server's TLS certificate is not issued for host {settings.Host} " +
                   "(sslmode=verify-full; connect with the host name the certificate names, e.g. the RDS endpoint)";
        return Untrusted(settings);
    }

    public static string Untrusted(NpgsqlConnectionStringBuilder settings)
    {
        var root = settings.RootCertificate is { Length: > 0 } path ? $"sslrootcert={path}" : "the system's trust store";
        return $"the server's TLS certificate is not signed by a trusted CA (sslmode={Transport.Name(settings.SslMode)}, CA from {root}; " +
               $"for RDS run: cruddur db ca-bundle, or set {Transport.RootCertificateVariable})";
    }

    static async Task<bool> TrustedWithoutHostCheckAsync(NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        var probe = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { SslMode = SslMode.VerifyCA, Pooling = false };
        await using var connection = new NpgsqlConnection(probe.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
