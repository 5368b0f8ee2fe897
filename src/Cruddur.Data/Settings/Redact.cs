using Npgsql;

namespace Cruddur.Data.Settings;

/// <summary>How connection settings are shown to people: the password replaced by <c>***</c>.</summary>
public static class Redact
{
    public static string Url(NpgsqlConnectionStringBuilder settings)
    {
        var user = settings.Username is { Length: > 0 } name ? Uri.EscapeDataString(name) : "";
        var secret = settings.Password is { Length: > 0 } ? ":***" : "";
        var credentials = user.Length > 0 || secret.Length > 0 ? $"{user}{secret}@" : "";
        var host = settings.Host?.Contains(':') == true ? $"[{settings.Host}]" : settings.Host;
        return $"postgresql://{credentials}{host}:{settings.Port}/{settings.Database}";
    }

    public static string Endpoint(NpgsqlConnectionStringBuilder settings) => $"{settings.Host}:{settings.Port}";
}
