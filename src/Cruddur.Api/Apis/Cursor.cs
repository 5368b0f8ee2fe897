using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;

namespace Cruddur.Api.Apis;

/// <summary>
/// The keyset a page starts after: the last row's (created_at, uuid), sent to clients as an opaque
/// base64url token of 24 bytes (microseconds since 1970 UTC, then the UUID).
/// </summary>
public sealed record Cursor(DateTime CreatedAt, Guid Uuid)
{
    const int Size = 24;
    const long TicksPerMicrosecond = 10;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteInt64BigEndian(bytes, (CreatedAt.ToUniversalTime() - DateTime.UnixEpoch).Ticks / TicksPerMicrosecond);
        Uuid.TryWriteBytes(bytes[8..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static Cursor? TryDecode(string token)
    {
        if (token.Length != Base64Url.GetEncodedLength(Size)) return null;
        Span<byte> bytes = stackalloc byte[Size];
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var written) != OperationStatus.Done || written != Size) return null;
        var micros = BinaryPrimitives.ReadInt64BigEndian(bytes);
        var maxMicros = (DateTime.MaxValue - DateTime.UnixEpoch).Ticks / TicksPerMicrosecond;
        var minMicros = (DateTime.MinValue - DateTime.UnixEpoch).Ticks / TicksPerMicrosecond;
        if (micros < minMicros || micros > maxMicros) return null;
        var createdAt = DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(micros * TicksPerMicrosecond), DateTimeKind.Utc);
        return new Cursor(createdAt, new Guid(bytes[8..], bigEndian: true));
    }
}
