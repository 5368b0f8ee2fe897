using Cruddur.Data;
using Npgsql;

namespace Cruddur.Api.Feeds;

/// <summary>
/// LISTENs for PostgreSQL's feed notifications on a connection of its own and empties the cache on
/// each; while that connection is down or reconnecting the cache serves nothing.
/// </summary>
public sealed class FeedListener(NpgsqlDataSource connections, FeedCache cache, ILogger<FeedListener> logger) : BackgroundService
{
    static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);
    // A server that vanished without closing the socket sends no error: a ping notices it.
    static readonly TimeSpan Ping = TimeSpan.FromSeconds(1);
    static readonly string ListenSql = SqlFile.Load("Feed/Listen.sql", typeof(FeedListener).Assembly);
    static readonly string PingSql = SqlFile.Load("Health/Ping.sql", typeof(FeedListener).Assembly);
    bool _failing;

    async Task ListenUntilStoppedAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stopping);
            }
            catch (NpgsqlException e) when (!stopping.IsCancellationRequested)
            {
                if (!_failing) logger.LogWarning("Feed cache: not listening ({Reason}); every feed read goes to the database", e.Message);
                _failing = true;
            }
            await Task.Delay(Reconnect, stopping);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            await ListenUntilStoppedAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping ends the wait for a notification; that is how the listener ends, not a failure.
        }
    }

    async Task ListenAsync(CancellationToken stopping)
    {
        await using var connection = await connections.OpenConnectionAsync(stopping);
        connection.Notification += (_, _) => cache.Invalidate();
        try
        {
            await using (var listen = new NpgsqlCommand(ListenSql, connection)) await listen.ExecuteNonQueryAsync(stopping);
            cache.StartServing();
            if (_failing) logger.LogWarning("Feed cache: listening again");
            _failing = false;
            while (true)
            {
                if (await connection.WaitAsync(Ping, stopping)) continue;
                await using var ping = new NpgsqlCommand(PingSql, connection);
                await ping.ExecuteScalarAsync(stopping);
            }
        }
        finally
        {
            cache.StopServing();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        connections.Dispose();
    }
}
