using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cruddur.Api.Apis;

/// <summary>
/// A request body read as one JSON object, strictly: application/json, at most
/// <see cref="CruddurApi.MaxRequestBodyBytes"/>, well-formed UTF-8 and no key given twice.
/// </summary>
public static class JsonBody
{
    // Two parsers reading a duplicated key differently is a classic way past validation.
    static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static async Task<(JsonElement Object, ProblemHttpResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        // Routing only checks a Content-Type that is present; a body without one is refused here.
        if (!request.HasJsonContentType())
            return (default, Problems.Field(StatusCodes.Status415UnsupportedMediaType, new("body", "the body must be application/json")));
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, Problems.Field(e.StatusCode, new("body", $"the body is larger than {CruddurApi.MaxRequestBodyBytes} bytes")));
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        // The JSON reader would turn ill-formed UTF-8 into U+FFFD and store a message nobody sent.
        if (!Utf8.IsValid(bytes.Span)) return (default, BadBody("the body is not well-formed UTF-8"));
        try
        {
            using var document = JsonDocument.Parse(bytes, Strict);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, BadBody("the body must be a JSON object {handle, message, ttl}"));
        }
        catch (JsonException e)
        {
            return (default, BadBody($"the body is not valid JSON ({e.Message})"));
        }
    }

    static ProblemHttpResult BadBody(string message) => Problems.Field(StatusCodes.Status400BadRequest, new("body", message));
}
