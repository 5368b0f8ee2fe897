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
        return $"postgresql://{credentials}{HostList.Describe(settings)}/{settings.Database}";
    }
}
