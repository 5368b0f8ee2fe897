using NpgsqlTypes;

namespace Cruddur.Api.Apis;

/// <summary>
/// Read-your-writes: a 201 carries <c>Commit-Lsn</c>, the write's WAL position; a read that sends it back
/// as <c>Read-After-Lsn</c> is answered only by a server that has replayed that far.
/// </summary>
public static class ReadAfter
{
    public const string CommitHeader = "Commit-Lsn";
    public const string RequestHeader = "Read-After-Lsn";

    /// <summary>The position the read must see (null: any), or the problem with the header.</summary>
    public static (NpgsqlLogSequenceNumber? Position, FieldError? Error) Parse(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(RequestHeader, out var values)) return (null, null);
        return values is [{ } text] && NpgsqlLogSequenceNumber.TryParse(text, out var position)
            ? (position, null)
            : (null, new FieldError(RequestHeader, $"{RequestHeader} must be one WAL position as {CommitHeader} gives it, such as 0/16B3748"));
    }
}
