using System.Security.Claims;
using Cruddur.Api.Auth;
using Cruddur.Api.Feeds;
using Cruddur.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using NpgsqlTypes;

namespace Cruddur.Api.Apis;

/// <summary>The activities: the home feed, one user's feed, one activity, and posting a new one.</summary>
public static class ActivitiesApi
{
    const string Json = "application/json";

    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/activities").WithTags("Activities");
        api.MapGet("/home", HomeAsync).WithName("HomeFeed")
            .WithSummary("The home feed: unexpired activities, newest first; the next page is in the Link header")
            .Produces<Activity[]>(StatusCodes.Status200OK, Json).Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/@{handle}", ByHandleAsync).WithName("UserFeed")
            .WithSummary("One user's unexpired activities, newest first, paged like the home feed")
            .Produces<Activity[]>(StatusCodes.Status200OK, Json).Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{uuid:guid}", ShowAsync).WithName("ShowActivity")
            .WithSummary("One unexpired activity")
            .Produces<Activity>(StatusCodes.Status200OK, Json).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateAsync).WithName("CreateActivity")
            .WithSummary("Post an activity as {message, ttl} by the signed-in user (a Cognito access token)")
            .RequireAuthorization(CognitoAuthentication.SignedIn)
            .Accepts<ActivityInput>(Json) // routing itself answers 415 to any other Content-Type
            .Produces<Activity>(StatusCodes.Status201Created, Json).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    static readonly string HomeSql = PostgresJson.Page(Load("Home.sql"));
    static readonly string ByHandleSql = PostgresJson.Page(Load("ByHandle.sql"));
    static readonly string HandleExistsSql = Load("HandleExists.sql");
    static readonly string ShowSql = PostgresJson.Object(Load("Show.sql"));
    static readonly string CreateSql = Load("Create.sql");
    static readonly string AuthorSql = Load("Author.sql");

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> HomeAsync(
        string? limit, string? before, NpgsqlDataSource database, FeedCache cache, HttpRequest request, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(limit, before);
        if (page is null) return Problems.Field(StatusCodes.Status400BadRequest, error!);
        var read = async (CancellationToken token) => await FeedPage.ReadAsync(database, "home-activities", HomeSql, page, null, token);
        var feed = page.Before is null ? await cache.GetOrReadAsync(new FeedKey(null, page.Limit), read, ct) : await read(ct);
        return FeedResponse.Of(feed!, request, page);
    }

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> ByHandleAsync(
        string handle, string? limit, string? before, NpgsqlDataSource database, FeedCache cache, HttpRequest request, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(limit, before);
        if (page is null) return Problems.Field(StatusCodes.Status400BadRequest, error!);
        var read = async (CancellationToken token) =>
        {
            var feed = await FeedPage.ReadAsync(database, "user-activities", ByHandleSql, page, handle, token);
            return feed.Length == 0 && !await HandleExistsAsync(database, handle, token) ? null : feed;
        };
        var feed = page.Before is null ? await cache.GetOrReadAsync(new FeedKey(handle, page.Limit), read, ct) : await read(ct);
        return feed is null ? Problems.NotFound($"no user has the handle {handle}") : FeedResponse.Of(feed, request, page);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ShowAsync(
        Guid uuid, NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand(ShowSql);
        command.Parameters.Add(new NpgsqlParameter<Guid>("uuid", uuid));
        return await command.ExecuteScalarAsync(ct) is string json
            ? TypedResults.Text(json, Json)
            : Problems.NotFound($"no activity {uuid} (it never existed or has expired)");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> CreateAsync(
        NpgsqlDataSource database, FeedCache cache, ClaimsPrincipal user, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadObjectAsync(request, ct);
        if (problem is not null) return problem;
        var (activity, errors) = NewActivity.From(body);
        if (activity is null) return Problems.Fields(StatusCodes.Status422UnprocessableEntity, errors);

        var uuid = Guid.CreateVersion7();
        await using var batch = database.CreateBatch();
        var insert = new NpgsqlBatchCommand(CreateSql);
        insert.Parameters.Add(new NpgsqlParameter<Guid>("uuid", uuid));
        insert.Parameters.Add(new NpgsqlParameter<string>("cognito_user_id", user.CognitoUserId()));
        insert.Parameters.Add(new NpgsqlParameter<string>("handle", NpgsqlDbType.Text) { TypedValue = activity.Handle });
        insert.Parameters.Add(new NpgsqlParameter<string>("message", activity.Message));
        insert.Parameters.Add(new NpgsqlParameter<TimeSpan>("ttl", NpgsqlDbType.Interval) { TypedValue = activity.Ttl });
        var readBack = new NpgsqlBatchCommand(ShowSql);
        readBack.Parameters.Add(new NpgsqlParameter<Guid>("uuid", uuid));
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(readBack);
        if (await batch.ExecuteScalarAsync(ct) is not string created) return await NotTheAuthorAsync(database, user, activity, ct);
        // The notification comes too, but later: the poster's next read must already see the post.
        cache.Invalidate();
        response.Headers.Location = $"/api/activities/{uuid}";
        return TypedResults.Text(created, Json, statusCode: StatusCodes.Status201Created);
    }

    // Rare, so asked only after the insert found no row: is the caller missing from users, or not that handle?
    static async Task<ProblemHttpResult> NotTheAuthorAsync(NpgsqlDataSource database, ClaimsPrincipal user, NewActivity activity, CancellationToken ct)
    {
        await using var command = database.CreateCommand(AuthorSql);
        command.Parameters.Add(new NpgsqlParameter<string>("cognito_user_id", user.CognitoUserId()));
        return await command.ExecuteScalarAsync(ct) is string handle
            ? Problems.Forbidden($"the handle {activity.Handle} is not yours (you are {handle}); leave handle out to post as yourself")
            : Problems.Forbidden("you are signed in, but you have no Cruddur user yet: the sign-up trigger (the post-confirmation Lambda) has not written this user");
    }

    static async Task<bool> HandleExistsAsync(NpgsqlDataSource database, string handle, CancellationToken ct)
    {
        await using var command = database.CreateCommand(HandleExistsSql);
        command.Parameters.Add(new NpgsqlParameter<string>("handle", handle));
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    static string Load(string name) => SqlFile.Load($"Activities/{name}", typeof(ActivitiesApi).Assembly);
}
