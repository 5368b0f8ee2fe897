namespace Cruddur.Data.Settings;

/// <summary>
/// libpq's multi-host URL, <c>postgresql://user:pw@h1:5432,h2:5433/cruddur?target_session_attrs=primary</c>,
/// which <see cref="Uri"/> cannot read: the host list is taken out and given to Npgsql in its own form
/// (<c>Host=h1:5432,h2:5433</c>), the rest is parsed as a one-host URL.
/// </summary>
static class MultiHostUrl
{
    const string Placeholder = "multi-host.invalid";

    /// <summary>The URL with one placeholder host, and the host list (null for a one-host URL).</summary>
    public static (string Url, string? Hosts) Split(string url, string source)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = url.IndexOfAny(['/', '?', '#'], scheme);
        var authority = end < 0 ? url[scheme..] : url[scheme..end];
        var at = authority.LastIndexOf('@');
        var hostPart = authority[(at + 1)..];
        if (!hostPart.Contains(',')) return (url, null);

        var entries = hostPart.Split(',').Select(entry => Check(entry.Trim(), source)).ToList();
        var rebuilt = url[..(scheme + at + 1)] + Placeholder + (end < 0 ? "" : url[end..]);
        return (rebuilt, string.Join(",", entries));
    }

    static string Check(string entry, string source)
    {
        if (entry.Length == 0) throw new CruddurException($"{source} has an empty host in its host list");
        var endpoint = HostList.Split(Uri.UnescapeDataString(entry), 5432);
        if (endpoint.Host.Length == 0 || endpoint.Port is < 1 or > 65535 || (entry.Contains(':') && !HasValidPort(entry)))
            throw new CruddurException($"{source} has a host list entry that is not host or host:port");
        return endpoint.Host.Contains(':') ? $"[{endpoint.Host}]:{endpoint.Port}" : $"{endpoint.Host}:{endpoint.Port}";
    }

    // "h:5433" and "[::1]:5433" carry a port; "[::1]" and "h" do not.
    static bool HasValidPort(string entry)
    {
        var afterHost = entry.StartsWith('[') ? entry[(entry.IndexOf(']') + 1)..] : entry[entry.IndexOf(':')..];
        return afterHost.Length == 0 || (afterHost.StartsWith(':') && int.TryParse(afterHost[1..], out var port) && port is >= 1 and <= 65535);
    }
}
