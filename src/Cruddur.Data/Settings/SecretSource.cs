namespace Cruddur.Data.Settings;

/// <summary>
/// Fills a connection's credentials (and optionally host, port, database) from the secret it names.
/// The CLI and the API read Secrets Manager (<c>Cruddur.Secrets</c>); the Lambda reads none.
/// </summary>
public delegate Task<ConnectionSpec> SecretSource(ConnectionSpec spec, string secretId, CancellationToken ct);
