using System.Text;

namespace Cruddur.Api.Tests.Resilience;

/// <summary>
/// One request of the hostile corpus, as raw as HttpClient allows: the body is bytes, so invalid
/// UTF-8 reaches the server unchanged. <see cref="Handle"/> in the path or body stands for a real user.
/// </summary>
public sealed record HostileRequest(string Method, string Path, string? ContentType, byte[]? Body, int Expected)
{
    public const string Handle = "{corpus-user}";
    public const string Json = "application/json";

    public static HostileRequest Get(string path, int expected) => new("GET", path, null, null, expected);

    public static HostileRequest Post(string json, int expected, string? contentType = Json) =>
        new("POST", "/api/activities", contentType, Encoding.UTF8.GetBytes(json), expected);

    public static HostileRequest PostBytes(byte[] body, int expected, string? contentType = Json) =>
        new("POST", "/api/activities", contentType, body, expected);

    /// <summary>A post whose three fields are JSON-escaped from the given strings.</summary>
    public static HostileRequest PostFields(string handle, string message, string ttl, int expected) =>
        Post(System.Text.Json.JsonSerializer.Serialize(new { handle, message, ttl }), expected);

    public HttpRequestMessage ToMessage(string handle)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path.Replace(Handle, handle));
        if (Body is null) return message;
        message.Content = new ByteArrayContent(WithHandle(Body, handle));
        if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        // As a careful client does: the server may refuse an oversized body before it is sent.
        message.Headers.ExpectContinue = Body.Length > CruddurApi.MaxRequestBodyBytes;
        return message;
    }

    // Byte by byte, so that ill-formed UTF-8 around the placeholder is sent as it is.
    static byte[] WithHandle(byte[] body, string handle)
    {
        var at = body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Handle));
        return at < 0 ? body : [.. body[..at], .. Encoding.UTF8.GetBytes(handle), .. body[(at + Handle.Length)..]];
    }
}
