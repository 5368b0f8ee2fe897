using Cruddur.Data;
using Cruddur.Data.Failures;
using System.Diagnostics;
using System.Security.Authentication;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Chores.Admin;

/// <summary>
/// dbmate's <c>--wait</c>: retry until the server accepts connections, for a server or container still starting.
/// A server that answers at all (even "wrong password" or "no such database") is accepting; "starting up" is not.
/// </summary>
public static class ServerWait
{
    static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);
    static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static async Task UntilAcceptingAsync(Database database, TimeSpan patience, Action<string> progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var nextProgress = TimeSpan.Zero;
        while (clock.Elapsed < patience)
        {
            if (await AcceptsAsync(database, patience - clock.Elapsed, ct))
            {
                if (nextProgress > TimeSpan.Zero) progress($"Ready: {database.Endpoint} after {clock.Elapsed.TotalSeconds:0.0} s");
                return;
            }
            if (clock.Elapsed >= nextProgress)
            {
                progress($"Waiting: for {database.Endpoint} to accept connections ({clock.Elapsed.TotalSeconds:0} of {patience.TotalSeconds:0} s)");
                nextProgress = clock.Elapsed + ProgressEvery;
            }
            await Task.Delay(Pause, ct);
        }
        // Out of patience: one last try, which names the cause if it fails.
        try
        {
            await using var connection = await ConnectionFailure.OpenAsync(database, database.Settings, ct);
        }
        catch (CruddurException e) when (!IsAccepting(e.InnerException))
        {
            throw new CruddurException($"waited {patience.TotalSeconds:0} s: {e.Message}", e);
        }
        catch (CruddurException)
        {
            // the server answered: it accepts connections, and the command itself will say what is wrong
        }
    }

    static async Task<bool> AcceptsAsync(Database database, TimeSpan left, CancellationToken ct)
    {
        var seconds = (int)Math.Clamp(Math.Ceiling(left.TotalSeconds), 1, database.Settings.Timeout);
        var settings = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Timeout = seconds, Pooling = false };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            if (IsAccepting(e) || IsTls(e)) return true; // answered, or a TLS problem no wait will fix: let the command say it
            return false;
        }
    }

    static bool IsAccepting(Exception? error) => error is PostgresException { SqlState: not PostgresErrorCodes.CannotConnectNow };

    static bool IsTls(Exception error)
    {
        for (var e = error.InnerException; e is not null; e = e.InnerException)
            if (e is AuthenticationException) return true;
        return false;
    }
}
