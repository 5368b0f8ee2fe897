using System.Security.Claims;
using Cruddur.Api.Auth;
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
            .Produces<Activity[]>(StatusCodes.Status200OK, Json).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/@{handle}", ByHandleAsync).WithName("UserFeed")
            .WithSummary("One user's unexpired activities, newest first, paged like the home feed")
            .Produces<Activity[]>(StatusCodes.Status200OK, Json).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
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
    static readonly string CreateSql = PostgresJson.Object(Load("Create.sql"));
    static readonly string AuthorSql = Load("Author.sql");

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> HomeAsync(
        string? limit, string? before, NpgsqlDataSource database, HttpRequest request, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(limit, before);
        if (page is null) return Problems.Field(StatusCodes.Status400BadRequest, error!);
        var feed = await FeedPage.ReadAsync(database, "home-activities", HomeSql, page, null, ct);
        return PageResult(feed, request, page);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ByHandleAsync(
        string handle, string? limit, string? before, NpgsqlDataSource database, HttpRequest request, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(limit, before);
        if (page is null) return Problems.Field(StatusCodes.Status400BadRequest, error!);
        var feed = await FeedPage.ReadAsync(database, "user-activities", ByHandleSql, page, handle, ct);
        if (feed.Length == 0 && !await HandleExistsAsync(database, handle, ct))
            return Problems.NotFound($"no user has the handle {handle}");
        return PageResult(feed, request, page);
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
        NpgsqlDataSource database, ClaimsPrincipal user, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadObjectAsync(request, ct);
        if (problem is not null) return problem;
        var (activity, errors) = NewActivity.From(body);
        if (activity is null) return Problems.Fields(StatusCodes.Status422UnprocessableEntity, errors);

        var uuid = Guid.CreateVersion7();
        await using var command = database.CreateCommand(CreateSql);
        command.Parameters.Add(new NpgsqlParameter<Guid>("uuid", uuid));
        command.Parameters.Add(new NpgsqlParameter<string>("cognito_user_id", user.CognitoUserId()));
        command.Parameters.Add(new NpgsqlParameter<string>("handle", NpgsqlDbType.Text) { TypedValue = activity.Handle });
        command.Parameters.Add(new NpgsqlParameter<string>("message", activity.Message));
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("ttl", NpgsqlDbType.Interval) { TypedValue = activity.Ttl });
        if (await command.ExecuteScalarAsync(ct) is not string created) return await NotTheAuthorAsync(database, user, activity, ct);
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

    static ContentHttpResult PageResult(FeedPage feed, HttpRequest request, PageRequest page)
    {
        if (feed.NextLink(request, page) is { } link) request.HttpContext.Response.Headers.Link = link;
        return TypedResults.Text(feed.Json, Json);
    }

    static string Load(string name) => SqlFile.Load($"Activities/{name}", typeof(ActivitiesApi).Assembly);
}
