using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Cruddur.Rds.Inputs;

/// <summary>
/// Reads what lint checks as text, at most <see cref="InputLimits.MaxBytes"/>: UTF-8 (with or without a
/// byte order mark), or UTF-16/UTF-32 when a byte order mark says so. Anything else is refused by name.
/// </summary>
public static class InputText
{
    public static async Task<string> ReadAsync(Stream stream, CancellationToken ct)
    {
        using var bytes = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                if (bytes.Length + read > InputLimits.MaxBytes)
                    throw new RdsException($"the input is larger than {InputLimits.MaxBytes / 1024 / 1024} MiB (CloudFormation itself takes templates of at most 1 MB)");
                bytes.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var (encoding, skip) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding?)null, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            _ => (null, 0),
        };
        var text = encoding is null ? Utf8Text(bytes[skip..]) : Strict(encoding, bytes[skip..]);
        if (text.Contains('\0')) throw new RdsException("the input is binary, not text (it holds NUL bytes)");
        return text;
    }

    static string Utf8Text(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        if (Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
            throw new RdsException($"the input is not UTF-8 text (invalid byte 0x{bytes[read]:X2} at offset {read}; save it as UTF-8)");
        return new string(chars, 0, written);
    }

    static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new RdsException($"the input is not valid {encoding.EncodingName} text, though its byte order mark says so");
        }
    }
}
