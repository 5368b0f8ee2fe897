using Npgsql;

namespace Cruddur.Data.Settings;

/// <summary>
/// Who connects, and so how long it may wait: a chore should say "cannot connect" within seconds, an
/// API request must fail fast (503) rather than hang, the Lambda must finish well inside its 10 s.
/// A timeout the connection URL gives itself is kept. <see cref="CertificateFolder"/> anchors a
/// relative <c>sslrootcert</c> (the Lambda's bundle, shipped next to its assembly).
/// </summary>
public sealed record ConnectionProfile(string Name, int ConnectTimeoutSeconds, int? CommandTimeoutSeconds)
{
    const int NpgsqlDefaultTimeoutSeconds = 15;
    const int NpgsqlDefaultCommandTimeoutSeconds = 30;

    public static readonly ConnectionProfile Cli = new("the CLI", 5, null) { IamTokenAsPassword = true };
    public static readonly ConnectionProfile Api = new("the API", 3, 5) { IamTokenAsPassword = true };
    public static readonly ConnectionProfile Lambda = new("the function", 3, 5);

    public string? CertificateFolder { get; init; }

    /// <summary>
    /// With <c>auth=iam</c>, whether the resolved settings carry a fresh token as the password: psql and
    /// pg_dump need one, and the CLI and the API fail at start without AWS credentials. Data sources
    /// sign each new connection themselves either way.
    /// </summary>
    public bool IamTokenAsPassword { get; init; }

    public NpgsqlConnectionStringBuilder Apply(NpgsqlConnectionStringBuilder given)
    {
        var settings = new NpgsqlConnectionStringBuilder(given.ConnectionString);
        if (string.IsNullOrEmpty(settings.Database)) settings.Database = ConnectionSettings.DefaultDatabase;
        if (settings.Timeout == NpgsqlDefaultTimeoutSeconds) settings.Timeout = ConnectTimeoutSeconds;
        if (CommandTimeoutSeconds is { } command && settings.CommandTimeout == NpgsqlDefaultCommandTimeoutSeconds) settings.CommandTimeout = command;
        if (CertificateFolder is not null && settings.RootCertificate is { Length: > 0 } certificate && !Path.IsPathRooted(certificate))
            settings.RootCertificate = Path.Combine(CertificateFolder, certificate);
        return settings;
    }
}
