using Cruddur.Api.Feeds;
using Cruddur.Data;
using Npgsql;

namespace Cruddur.Api.Apis;

/// <summary>Is the service able to answer: 200 when the database answers, 503 when it does not; and the feed cache's state.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckAsync).WithTags("Health").WithName("Health")
            .WithSummary("200 when the database answers, 503 (problem details, Retry-After) when it does not; whether the feed cache listens")
            .Produces<Health>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    static readonly string PingSql = SqlFile.Load("Health/Ping.sql", typeof(HealthApi).Assembly);

    public static async Task<IResult> CheckAsync(NpgsqlDataSource database, DatabaseOutage outage, FeedCache cache, HttpResponse response, CancellationToken ct)
    {
        try
        {
            await using var command = database.CreateCommand(PingSql);
            await command.ExecuteScalarAsync(ct);
        }
        catch (Exception e) when (DatabaseOutage.StateOf(e) is { } state)
        {
            return outage.Problem(state, response);
        }
        return TypedResults.Ok(new Health("ok", "answering", FeedCacheHealth.Of(cache)));
    }
}

/// <summary>What <c>/api/health</c> says when the database answers.</summary>
public sealed record Health(string Status, string Database, FeedCacheHealth FeedCache);

/// <summary>
/// The feed cache: <c>listening</c>, <c>not listening</c> (every read goes to the database) or <c>off</c>;
/// its hits and misses since start, and how many times a change (or the listener) emptied it.
/// </summary>
public sealed record FeedCacheHealth(string State, long Hits, long Misses, long Emptied)
{
    public static FeedCacheHealth Of(FeedCache cache) =>
        new(!cache.Enabled ? "off" : cache.Serving ? "listening" : "not listening", cache.Hits, cache.Misses, cache.Emptied);
}
