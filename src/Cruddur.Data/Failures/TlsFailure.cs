using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Authentication;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Data.Failures;

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

    /// <summary>
    /// Npgsql reports a server without TLS as a bare NpgsqlException; ask the server ourselves with
    /// PostgreSQL's SSLRequest, which carries no credentials: 'N' means it does not offer TLS.
    /// </summary>
    public static async Task<string?> TlsNotOfferedAsync(Exception error, NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        if (error is not NpgsqlException { InnerException: null } or PostgresException || settings.SslMode is not (SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull))
            return null;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(settings.Host!, settings.Port, ct);
            var request = new byte[8];
            BinaryPrimitives.WriteInt32BigEndian(request, 8);
            BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(4), SslRequestCode);
            var stream = client.GetStream();
            await stream.WriteAsync(request, ct);
            var answer = new byte[1];
            return await stream.ReadAsync(answer, ct) == 1 && answer[0] == (byte)'N'
                ? $"the server does not offer TLS (sslmode={Transport.Name(settings.SslMode)}; turn on ssl on the server, " +
                  "or for a local container allow plaintext with ?sslmode=disable&allow_plaintext=true)"
                : null;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    const int SslRequestCode = 80877103;

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
