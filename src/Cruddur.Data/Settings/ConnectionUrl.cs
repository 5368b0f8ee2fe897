using Npgsql;

namespace Cruddur.Data.Settings;

/// <summary>
/// Turns the document's <c>postgresql://user:password@host:5432/cruddur?sslmode=...</c> form, or an
/// Npgsql keyword string, into connection settings. Errors name the variable and never echo the value.
/// </summary>
public static class ConnectionUrl
{
    public static NpgsqlConnectionStringBuilder Parse(string value, string source) => Read(value, source).Settings;

    /// <summary>Parses the value into Npgsql's settings and our own options (<c>auth</c>, <c>secret</c>, ...).</summary>
    public static ConnectionSpec Read(string value, string source)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
            throw new CruddurException($"{source} is empty");
        if (trimmed.Contains("://", StringComparison.Ordinal))
            return ParseUrl(trimmed, source);
        try
        {
            return new ConnectionSpec(new NpgsqlConnectionStringBuilder(trimmed), ConnectionOptions.Default);
        }
        catch (ArgumentException)
        {
            throw new CruddurException($"{source} is not a valid connection string ({KeywordProblem(trimmed)})");
        }
    }

    static ConnectionSpec ParseUrl(string value, string source)
    {
        var (single, hosts) = MultiHostUrl.Split(value, source);
        var spec = ParseSingleHostUrl(single, source);
        if (hosts is not null) spec.Settings.Host = hosts;
        return spec;
    }

    static ConnectionSpec ParseSingleHostUrl(string value, string source)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            throw new CruddurException($"{source} is not a valid URL (expected postgresql://user:password@host:5432/cruddur)");
        if (uri.Scheme is not ("postgresql" or "postgres"))
            throw new CruddurException($"{source} has scheme '{uri.Scheme}' (expected postgresql://)");
        if (uri.Host.Length == 0)
            throw new CruddurException($"{source} has no host");

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
        };
        var (user, password) = SplitUserInfo(uri.UserInfo);
        if (user.Length > 0) builder.Username = user;
        if (password is not null) builder.Password = password;
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        var options = ConnectionOptions.Default;
        foreach (var (key, optionValue) in QueryOptions(uri.Query))
            options = UrlOption.Apply(builder, options, key, optionValue, source);
        return new ConnectionSpec(builder, options);
    }

    static (string User, string? Password) SplitUserInfo(string userInfo)
    {
        if (userInfo.Length == 0) return ("", null);
        var colon = userInfo.IndexOf(':');
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }

    static IEnumerable<(string Key, string Value)> QueryOptions(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : ""));

    // Npgsql's message quotes the offending keyword, and for a value error the value itself: name
    // only the keyword, found by trying each pair alone, so that a password never reaches the output.
    static string KeywordProblem(string value)
    {
        if (!value.Contains('='))
            return "it is neither a postgresql:// URL nor Npgsql keywords; expected postgresql://user:password@host:5432/cruddur or Host=...;Username=...";
        foreach (var pair in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (!new NpgsqlConnectionStringBuilder().ContainsKey(parts[0].Trim())) return $"unknown keyword '{parts[0].Trim()}'";
            try
            {
                _ = new NpgsqlConnectionStringBuilder { [parts[0].Trim()] = parts.Length > 1 ? parts[1] : "" };
            }
            catch (Exception invalid) when (invalid is ArgumentException or FormatException or InvalidCastException)
            {
                return $"{parts[0].Trim()} has an invalid value";
            }
        }
        return "expected keyword=value pairs separated by ';'";
    }
}
