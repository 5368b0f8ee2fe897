using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace Cruddur.Api.Apis;

/// <summary>
/// One page of a feed as PostgreSQL built it: the JSON array (UTF-8, as the server sent it, so it is
/// written to every response without re-encoding), how many activities it holds, the
/// cursor of the last one (null on an empty page), how long until its first activity expires (null
/// when none does), and its entity tag.
/// </summary>
public sealed record FeedPage(byte[] Json, int Length, Cursor? Last, TimeSpan? ExpiresIn)
{
    /// <summary>A strong entity tag of the JSON text: equal pages have equal tags, whoever built them.</summary>
    public string ETag { get; } = $"\"{Convert.ToHexStringLower(SHA256.HashData(Json).AsSpan(0, 16))}\"";

    /// <summary>Runs a feed query wrapped by <see cref="Data.PostgresJson.Page"/>, in a span that records <c>app.result_length</c>.</summary>
    public static async Task<FeedPage> ReadAsync(NpgsqlDataSource database, string spanName, string sql,
        PageRequest page, string? handle, CancellationToken ct)
    {
        using var span = Telemetry.Source.StartActivity(spanName);
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<int>("limit", page.Limit));
        command.Parameters.Add(new NpgsqlParameter("before_created_at", NpgsqlDbType.TimestampTz) { Value = (object?)page.Before?.CreatedAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("before_uuid", NpgsqlDbType.Uuid) { Value = (object?)page.Before?.Uuid ?? DBNull.Value });
        if (handle is not null) command.Parameters.Add(new NpgsqlParameter<string>("handle", handle));

        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var length = reader.GetInt32(1);
        var last = length == 0 ? null : new Cursor(reader.GetFieldValue<DateTime>(2), reader.GetGuid(3));
        var expiresIn = reader.IsDBNull(4) ? (TimeSpan?)null : reader.GetTimeSpan(4);
        span?.SetTag("app.result_length", length);
        // Text in the binary protocol is its UTF-8 bytes; Npgsql hands them over as they are.
        await using var json = await reader.GetStreamAsync(0, ct);
        var bytes = new byte[json.Length];
        await json.ReadExactlyAsync(bytes, ct);
        return new FeedPage(bytes, length, last, expiresIn);
    }

    /// <summary>The <c>Link</c> header naming the next page, or null when this page was the last.</summary>
    public string? NextLink(HttpRequest request, PageRequest page) =>
        Length == page.Limit && Last is not null
            ? $"<{request.PathBase}{request.Path}?limit={page.Limit}&before={Last.Encode()}>; rel=\"next\""
            : null;
}
