using System.Diagnostics;
using Cruddur.Data;
using Npgsql;
using NpgsqlTypes;

namespace Cruddur.Api;

/// <summary>
/// Where a read goes: a standby when there is one. A read that must see a write (its WAL position)
/// waits a bounded time for the standby to replay it, else is answered by the primary. A page the feed
/// cache will keep is read on the primary while there is one: the cache is emptied by the primary's
/// notifications, and a standby that has not replayed the change yet would fill it with the page from before.
/// </summary>
public sealed class ReadSource(NpgsqlDataSource reads, NpgsqlDataSource primary, NpgsqlDataSource primaryFirst)
{
    /// <summary>How long a read waits for a standby to catch up before it asks the primary.</summary>
    public static readonly TimeSpan CatchUpBound = TimeSpan.FromMilliseconds(500);
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    static readonly string HasReplayedSql = SqlFile.Load("Replication/HasReplayed.sql", typeof(ReadSource).Assembly);
    static readonly string CommitPositionSql = SqlFile.Load("Replication/CommitPosition.sql", typeof(ReadSource).Assembly);

    public async Task<NpgsqlConnection> OpenAsync(NpgsqlLogSequenceNumber? after, bool kept, CancellationToken ct)
    {
        if (kept) return await primaryFirst.OpenConnectionAsync(ct);
        var connection = await reads.OpenConnectionAsync(ct);
        if (after is not { } position || ReferenceEquals(reads, primary)) return connection;
        var waited = Stopwatch.StartNew();
        while (!await HasReplayedAsync(connection, position, ct))
        {
            if (waited.Elapsed > CatchUpBound)
            {
                await connection.DisposeAsync();
                return await primary.OpenConnectionAsync(ct);
            }
            await Task.Delay(Poll, ct);
        }
        return connection;
    }

    /// <summary>The WAL position a read must reach to see what this connection has just committed.</summary>
    public static async Task<NpgsqlLogSequenceNumber> CommitPositionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(CommitPositionSql, connection);
        return (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(ct))!;
    }

    static async Task<bool> HasReplayedAsync(NpgsqlConnection connection, NpgsqlLogSequenceNumber position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(HasReplayedSql, connection);
        command.Parameters.Add(new NpgsqlParameter<NpgsqlLogSequenceNumber>("lsn", NpgsqlDbType.PgLsn) { TypedValue = position });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
