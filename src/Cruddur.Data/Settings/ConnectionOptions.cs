namespace Cruddur.Data.Settings;

/// <summary>How to log in: with the password in the settings, or with an RDS IAM auth token.</summary>
public enum Authentication
{
    Password,
    Iam,
}

/// <summary>
/// What a connection URL says beyond Npgsql's own settings: how to log in, the AWS region, a
/// Secrets Manager secret holding the credentials, and whether plaintext to a remote host is allowed.
/// </summary>
public sealed record ConnectionOptions
{
    public static readonly ConnectionOptions Default = new();

    public Authentication Authentication { get; init; } = Authentication.Password;

    /// <summary>The AWS region for IAM tokens and Secrets Manager; null means the SDK's chain (AWS_REGION, profile).</summary>
    public string? Region { get; init; }

    /// <summary>A Secrets Manager secret id or ARN whose JSON carries username and password.</summary>
    public string? SecretId { get; init; }

    public bool AllowPlaintext { get; init; }
}

/// <summary>A parsed connection URL: Npgsql's settings plus our own options.</summary>
public sealed record ConnectionSpec(Npgsql.NpgsqlConnectionStringBuilder Settings, ConnectionOptions Options);
