using System.Globalization;
using System.Text.Json;

namespace Cruddur.Api.Apis;

/// <summary>
/// The body of <c>POST /api/activities</c>: <c>{message, ttl}</c>, checked field by field. The author is
/// the signed-in user; a <c>handle</c> may still be given (older clients send it) and must be theirs.
/// </summary>
public sealed record NewActivity(string? Handle, string Message, TimeSpan Ttl)
{
    public const int MaxMessageLength = 280;
    static readonly string[] Fields = ["handle", "message", "ttl"];
    public static readonly string[] TtlNames = ["30-days", "7-days", "3-days", "1-day", "12-hours", "3-hours", "1-hour"];

    static TimeSpan? TtlOf(string name) => name switch
    {
        "30-days" => TimeSpan.FromDays(30),
        "7-days" => TimeSpan.FromDays(7),
        "3-days" => TimeSpan.FromDays(3),
        "1-day" => TimeSpan.FromDays(1),
        "12-hours" => TimeSpan.FromHours(12),
        "3-hours" => TimeSpan.FromHours(3),
        "1-hour" => TimeSpan.FromHours(1),
        _ => null,
    };

    /// <summary>The activity, or every field problem at once.</summary>
    public static (NewActivity? Activity, IReadOnlyList<FieldError> Errors) From(JsonElement body)
    {
        var errors = body.EnumerateObject().Where(p => !Fields.Contains(p.Name))
            .Select(p => new FieldError(p.Name, $"'{p.Name}' is not a field of an activity (expected {string.Join(", ", Fields)})")).ToList();
        var handle = body.TryGetProperty("handle", out var given) && given.ValueKind != JsonValueKind.Null ? Text(body, "handle", errors) : null;
        var message = Text(body, "message", errors);
        var ttlName = Text(body, "ttl", errors);
        if (handle is { Length: 0 }) errors.Add(new("handle", "handle must not be empty"));
        if (handle is not null && handle.Contains('\0')) errors.Add(new("handle", "handle must not contain NUL characters"));
        if (message is not null && MessageProblem(message) is { } problem) errors.Add(new("message", problem));
        var ttl = ttlName is null ? null : TtlOf(ttlName);
        if (ttlName is not null && ttl is null)
            errors.Add(new("ttl", $"ttl must be one of {string.Join(", ", TtlNames)}"));
        return errors.Count > 0 ? (null, errors) : (new NewActivity(handle, message!, ttl!.Value), errors);
    }

    // Characters are Unicode code points, as PostgreSQL's char_length counts them.
    static string? MessageProblem(string message)
    {
        var length = message.EnumerateRunes().Count();
        if (length is < 1 or > MaxMessageLength)
            return string.Create(CultureInfo.InvariantCulture, $"message must be 1 to {MaxMessageLength} characters (it has {length})");
        return message.Contains('\0') ? "message must not contain NUL characters (PostgreSQL text cannot store them)" : null;
    }

    static string? Text(JsonElement body, string field, List<FieldError> errors)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new(field, $"{field} is required"));
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(field, $"{field} must be a string"));
            return null;
        }
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            errors.Add(new(field, $"{field} is not valid Unicode (a lone surrogate escape)"));
            return null;
        }
    }
}
