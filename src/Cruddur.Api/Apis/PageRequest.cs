using System.Globalization;

namespace Cruddur.Api.Apis;

/// <summary>Which page of a feed a client asks for: <c>?limit=</c> (1 to 100, default 20) and <c>?before=</c> (a cursor).</summary>
public sealed record PageRequest(int Limit, Cursor? Before)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>The page, or the field problem that names what is wrong.</summary>
    public static (PageRequest? Page, FieldError? Error) Parse(string? limit, string? before)
    {
        var size = DefaultLimit;
        // int.TryParse ignores trailing NUL characters, so only ASCII digits get that far.
        if (limit is not null && (!limit.All(char.IsAsciiDigit) || !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
            return (null, new FieldError("limit", $"limit must be a whole number from 1 to {MaxLimit}"));
        if (before is null) return (new PageRequest(size, null), null);
        return Cursor.TryDecode(before) is { } cursor
            ? (new PageRequest(size, cursor), null)
            : (null, new FieldError("before", "before is not a cursor from this feed (use the Link: rel=\"next\" URL of the previous page)"));
    }
}
