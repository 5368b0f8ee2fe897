using Npgsql;

namespace Cruddur.Data.Settings;

/// <summary>
/// The query options the URL form accepts: libpq's, mapped onto Npgsql's settings, and ours
/// (<c>auth</c>, <c>region</c>, <c>secret</c>, <c>allow_plaintext</c>), kept in <see cref="ConnectionOptions"/>.
/// </summary>
static class UrlOption
{
    const string Known = "sslmode, sslrootcert, connect_timeout, application_name, options, target_session_attrs, load_balance_hosts, auth, region, secret, allow_plaintext";

    public static ConnectionOptions Apply(NpgsqlConnectionStringBuilder builder, ConnectionOptions options, string key, string value, string source)
    {
        switch (key)
        {
            case "sslmode":
                builder.SslMode = ParseSslMode(value, source);
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "connect_timeout":
                builder.Timeout = ParseSeconds(value, key, source);
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "options":
                builder.Options = value;
                break;
            case "target_session_attrs":
                builder.TargetSessionAttributes = value;
                break;
            case "load_balance_hosts":
                builder.LoadBalanceHosts = ParseLoadBalance(value, source);
                break;
            case "auth":
                return options with { Authentication = ParseAuthentication(value, source) };
            case "region":
                return options with { Region = value };
            case "secret":
                return options with { SecretId = value };
            case "allow_plaintext":
                return options with { AllowPlaintext = ParseBoolean(value, key, source) };
            default:
                throw new CruddurException($"{source} has an unknown option '{key}' (known: {Known})");
        }
        return options;
    }

    static SslMode ParseSslMode(string value, string source) => value switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new CruddurException($"{source} has sslmode '{value}' (expected disable, allow, prefer, require, verify-ca or verify-full)"),
    };

    // libpq's "random" spreads connections over the hosts; Npgsql's Load Balance Hosts does so round-robin.
    static bool ParseLoadBalance(string value, string source) => value switch
    {
        "disable" => false,
        "random" => true,
        _ => throw new CruddurException($"{source} has load_balance_hosts '{value}' (expected disable or random)"),
    };

    static Authentication ParseAuthentication(string value, string source) => value switch
    {
        "password" => Authentication.Password,
        "iam" => Authentication.Iam,
        _ => throw new CruddurException($"{source} has auth '{value}' (expected password or iam)"),
    };

    static bool ParseBoolean(string value, string key, string source) => value switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new CruddurException($"{source} has {key} '{value}' (expected true or false)"),
    };

    static int ParseSeconds(string value, string key, string source) =>
        int.TryParse(value, out var seconds) && seconds >= 0
            ? seconds
            : throw new CruddurException($"{source} has {key} '{value}' (expected whole seconds)");
}
