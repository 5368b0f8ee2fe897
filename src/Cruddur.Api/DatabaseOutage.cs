using Npgsql;

namespace Cruddur.Api;

/// <summary>
/// A database that is down, restarting or out of connections is a 503 (try again), not a 500 (a bug).
/// Failures are told apart by type and SqlState, never by message text.
/// </summary>
public static class DatabaseOutage
{
    public const string Detail = "the database is not answering; try again shortly";
    const string RetryAfterSeconds = "5";

    public static bool Matches(Exception error) => error switch
    {
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections } => true,
        PostgresException => false,
        NpgsqlException { IsTransient: true } => true,
        // Of several hosts, none of the kind wanted answers (no primary during a failover): Npgsql throws its
        // base type, bare when every host is known to be of the wrong kind or down, else with each host's failure.
        NpgsqlException { InnerException: null } e when e.GetType() == typeof(NpgsqlException) => true,
        NpgsqlException { InnerException: AggregateException each } when each.InnerExceptions.All(Matches) => true,
        TimeoutException => true,
        _ => false,
    };

    public static int StatusCode(Exception error) =>
        Matches(error) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>Fills in the problem for an outage; a 500 keeps the generic title and no detail, so no SQL or settings leak.</summary>
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.Exception is null || !Matches(context.Exception)) return;
        context.ProblemDetails.Detail = Detail;
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
    }
}
