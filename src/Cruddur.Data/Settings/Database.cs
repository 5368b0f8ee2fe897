using Npgsql;

namespace Cruddur.Data.Settings;

/// <summary>
/// The resolved connection a command works on, with where it came from (<c>CONNECTION_URL</c>,
/// <c>PROD_CONNECTION_URL</c> or the local cluster) so that errors can say what to check.
/// </summary>
public sealed record Database
{
    // Kept as text: the settings handed out are a copy, so nobody changes this value in place.
    readonly string _connectionString;

    public Database(NpgsqlConnectionStringBuilder settings, string source)
    {
        _connectionString = settings.ConnectionString;
        Source = source;
    }

    public string Source { get; init; }

    /// <summary>A fresh copy of the connection settings; change it and pass it on with <c>with { Settings = ... }</c>.</summary>
    public NpgsqlConnectionStringBuilder Settings
    {
        get => new(_connectionString);
        init => _connectionString = value.ConnectionString;
    }

    /// <summary>How to log in and what transport is allowed (IAM auth, secret, allow_plaintext).</summary>
    public ConnectionOptions Options { get; init; } = ConnectionOptions.Default;

    public string Name => Settings.Database ?? ConnectionSettings.DefaultDatabase;

    public string Endpoint => HostList.Describe(Settings);

    public string RedactedUrl => Redact.Url(Settings);

    public NpgsqlConnectionStringBuilder Maintenance => ConnectionSettings.Maintenance(Settings);
}
