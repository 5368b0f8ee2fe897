using System.Net.Sockets;
using Cruddur.Data.Settings;
using Npgsql;
using NpgsqlTypes;

namespace Cruddur.Chores.Admin;

public enum ServerRole
{
    Primary,
    Standby,
    Unreachable,
}

/// <summary>
/// One server of a connection's host list: its role and, for a standby, how many bytes of the primary's
/// WAL it has not replayed yet (null when no primary answers).
/// </summary>
public sealed record HostStatus(HostEndpoint Endpoint, ServerRole Role, long? LagBytes, NpgsqlLogSequenceNumber? Received)
{
    public string Describe() => Role switch
    {
        ServerRole.Primary => "primary",
        ServerRole.Standby => LagBytes is { } lag ? $"standby, replay lag {lag} bytes" : "standby, no primary answers",
        _ => "not answering",
    };
}

/// <summary>Asks every server of the list, at once, whether it is a primary or a standby and how far its WAL goes.</summary>
public static class HostRoles
{
    static readonly string PositionSql = ChoreSql.Load("Replication/Position.sql");

    public static async Task<IReadOnlyList<HostStatus>> ReadAsync(NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        var hosts = HostList.Of(settings);
        var positions = await Task.WhenAll(hosts.Select(host => PositionAsync(HostList.Single(settings, host), ct)));
        var primary = positions.FirstOrDefault(p => p is { Standby: false });
        return hosts.Select((host, i) => positions[i] switch
        {
            null => new HostStatus(host, ServerRole.Unreachable, null, null),
            { Standby: false } p => new HostStatus(host, ServerRole.Primary, null, p.Received),
            var p => new HostStatus(host, ServerRole.Standby, primary is null ? null : Behind(primary.Replayed, p.Replayed), p.Received),
        }).ToList();
    }

    sealed record Position(bool Standby, NpgsqlLogSequenceNumber Replayed, NpgsqlLogSequenceNumber Received);

    static async Task<Position?> PositionAsync(NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        var single = new NpgsqlConnectionStringBuilder(ConnectionSettings.Maintenance(settings).ConnectionString) { Timeout = Math.Min(settings.Timeout, 3) };
        try
        {
            await using var connection = new NpgsqlConnection(single.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(PositionSql, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new Position(reader.GetBoolean(0), reader.GetFieldValue<NpgsqlLogSequenceNumber>(1), reader.GetFieldValue<NpgsqlLogSequenceNumber>(2));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or SocketException)
        {
            return null;
        }
    }

    // The primary was read a moment before the standby, which may have replayed past that point since.
    static long Behind(NpgsqlLogSequenceNumber primary, NpgsqlLogSequenceNumber standby) =>
        (ulong)primary > (ulong)standby ? (long)((ulong)primary - (ulong)standby) : 0;
}
