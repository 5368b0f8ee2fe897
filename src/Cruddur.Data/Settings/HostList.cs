using Npgsql;

namespace Cruddur.Data.Settings;

/// <summary>One server of a connection's host list.</summary>
public sealed record HostEndpoint(string Host, int Port)
{
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

/// <summary>
/// Npgsql's multi-host form, <c>Host=h1:5432,h2:5433</c>: the servers in order, an entry without a port
/// on the settings' <c>Port</c>.
/// </summary>
public static class HostList
{
    public static IReadOnlyList<HostEndpoint> Of(NpgsqlConnectionStringBuilder settings) =>
        (settings.Host ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => Split(entry, settings.Port))
            .ToList();

    public static bool IsMultiHost(NpgsqlConnectionStringBuilder settings) => settings.Host?.Contains(',') == true;

    /// <summary>Every server as <c>host:port</c>, comma-separated.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder settings) => string.Join(",", Of(settings));

    /// <summary>The same settings on one server of the list, without target session attributes.</summary>
    public static NpgsqlConnectionStringBuilder Single(NpgsqlConnectionStringBuilder settings, HostEndpoint endpoint) =>
        new(settings.ConnectionString) { Host = endpoint.Host, Port = endpoint.Port, TargetSessionAttributes = null, LoadBalanceHosts = false };

    /// <summary>Reads <c>host</c>, <c>host:port</c>, <c>[v6]</c> or <c>[v6]:port</c>; a bare IPv6 address has no port.</summary>
    public static HostEndpoint Split(string entry, int defaultPort)
    {
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']');
            var rest = close < 0 ? "" : entry[(close + 1)..];
            return new HostEndpoint(entry[1..(close < 0 ? entry.Length : close)], rest.StartsWith(':') ? Port(rest[1..], defaultPort) : defaultPort);
        }
        var colon = entry.IndexOf(':');
        return colon < 0 || entry.LastIndexOf(':') != colon
            ? new HostEndpoint(entry, defaultPort)
            : new HostEndpoint(entry[..colon], Port(entry[(colon + 1)..], defaultPort));
    }

    static int Port(string text, int defaultPort) => int.TryParse(text, out var port) ? port : defaultPort;
}
