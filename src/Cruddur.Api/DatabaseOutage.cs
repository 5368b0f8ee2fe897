using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Cruddur.Api;

/// <summary>The states of the database the API knows and answers 503 for (try again), rather than 500 (a bug).</summary>
public enum DatabaseState { ServerDown, DatabaseMissing, SchemaMissing }

/// <summary>
/// The one answer to "is the database down?", for the feeds, posts and <c>/api/health</c> alike: a
/// known state is a 503 problem naming it, with Retry-After, and one log line (no stack trace) when it
/// begins. Failures are told apart by type and SqlState, never by message text.
/// </summary>
public sealed class DatabaseOutage(string databaseName, ILogger<DatabaseOutage> logger)
{
    const string RetryAfterSeconds = "5";
    // A state still going on is logged again after this long, so the log shows it lasting without a line per request.
    static readonly TimeSpan LogAgainAfter = TimeSpan.FromSeconds(30);
    readonly Lock _logged = new();
    (DatabaseState State, DateTime At)? _lastLogged;

    public static DatabaseState? StateOf(Exception error) => error switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => DatabaseState.DatabaseMissing,
        PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } => DatabaseState.SchemaMissing,
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections } => DatabaseState.ServerDown,
        PostgresException => null,
        NpgsqlException { IsTransient: true } => DatabaseState.ServerDown,
        TimeoutException => DatabaseState.ServerDown,
        _ => null,
    };

    public static int StatusCode(Exception error) =>
        StateOf(error) is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;

    public string Detail(DatabaseState state) => state switch
    {
        DatabaseState.ServerDown => "the database server is not answering; try again shortly",
        DatabaseState.DatabaseMissing => $"the database {databaseName} does not exist (run: cruddur db create)",
        DatabaseState.SchemaMissing => $"the database {databaseName} has no activities schema (run: cruddur db schema-load)",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The problem for a known state; a 500 keeps the generic title and no detail, so no SQL or settings leak.</summary>
    public void Describe(ProblemDetailsContext context)
    {
        if (context.Exception is null || StateOf(context.Exception) is not { } state) return;
        context.ProblemDetails.Detail = Detail(state);
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
    }

    /// <summary>The same problem for a handler that catches the failure itself (the health check).</summary>
    public IResult Problem(DatabaseState state, HttpResponse response)
    {
        Log(state);
        response.Headers.RetryAfter = RetryAfterSeconds;
        return TypedResults.Problem(detail: Detail(state), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>For the exception handler: a known state is logged as one line here instead of a stack trace per request.</summary>
    public bool SuppressDiagnostics(ExceptionHandlerSuppressDiagnosticsContext context)
    {
        if (StateOf(context.Exception) is not { } state) return false;
        Log(state);
        return true;
    }

    void Log(DatabaseState state)
    {
        lock (_logged)
        {
            var now = DateTime.UtcNow;
            if (_lastLogged is { } last && last.State == state && now - last.At < LogAgainAfter) return;
            _lastLogged = (state, now);
        }
        logger.LogWarning("Database unavailable: {Detail}", Detail(state));
    }
}
