namespace Cruddur.Api.Apis;

/// <summary>
/// The shape of an activity as PostgreSQL builds it (row_to_json), described for the OpenAPI document
/// only: the API never serializes this type, it passes PostgreSQL's JSON text on as it is.
/// </summary>
public sealed record Activity(
    Guid uuid, string display_name, string handle, string message,
    int replies_count, int reposts_count, int likes_count, Guid? reply_to_activity_uuid,
    DateTimeOffset? expires_at, DateTimeOffset created_at);

/// <summary>
/// The body of <c>POST /api/activities</c>; <c>ttl</c> is one of <see cref="NewActivity.TtlNames"/>. The
/// author is the token's user; <c>handle</c> is optional and, when sent, must be theirs.
/// </summary>
public sealed record ActivityInput(string message, string ttl, string? handle = null);
