using Npgsql;

namespace Cruddur.Data.Settings;

/// <summary>The libpq query options the URL form accepts, mapped onto Npgsql's settings.</summary>
static class UrlOption
{
    public static void Apply(NpgsqlConnectionStringBuilder builder, string key, string value, string source)
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
            default:
                throw new CruddurException($"{source} has an unknown option '{key}' (known: sslmode, sslrootcert, connect_timeout, application_name, options, target_session_attrs)");
        }
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

    static int ParseSeconds(string value, string key, string source) =>
        int.TryParse(value, out var seconds) && seconds >= 0
            ? seconds
            : throw new CruddurException($"{source} has {key} '{value}' (expected whole seconds)");
}
