using Cruddur.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Cruddur.Api.Apis;

/// <summary>Is the service able to answer: 200 when the database answers, 503 when it does not.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckAsync).WithTags("Health").WithName("Health")
            .WithSummary("200 when the database answers, 503 (problem details) when it does not");
        return app;
    }

    static readonly string PingSql = SqlFile.Load("Health/Ping.sql", typeof(HealthApi).Assembly);

    public static async Task<Results<Ok<Health>, ProblemHttpResult>> CheckAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        try
        {
            await using var command = database.CreateCommand(PingSql);
            await command.ExecuteScalarAsync(ct);
            return TypedResults.Ok(new Health("ok", "answering"));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return TypedResults.Problem(detail: DatabaseOutage.Detail, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

public sealed record Health(string Status, string Database);
