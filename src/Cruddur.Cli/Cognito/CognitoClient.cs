using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cruddur.Data;

namespace Cruddur.Cli.Cognito;

/// <summary>
/// The Cognito Identity Provider API as the AWS CLI speaks it (JSON 1.1, <c>X-Amz-Target</c>), unsigned:
/// only ever sent to the local emulator on 127.0.0.1, which checks no signature.
/// </summary>
public sealed class CognitoClient(Uri endpoint) : IDisposable
{
    // Cognito's names are PascalCase, as the anonymous request objects spell them; the web default would camelCase them.
    static readonly JsonSerializerOptions AwsNames = new();

    readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };

    public Uri Endpoint => endpoint;

    public async Task<JsonNode> CallAsync(string action, object request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = JsonContent.Create(request, mediaType: new("application/x-amz-json-1.1"), options: AwsNames),
        };
        message.Headers.Add("X-Amz-Target", $"AWSCognitoIdentityProviderService.{action}");
        using var response = await _http.SendAsync(message, ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) ?? new JsonObject();
        if (response.IsSuccessStatusCode) return body;
        // Cognito's errors are {"__type": ..., "message": ...}; the message names no secret.
        var type = body["__type"]?.GetValue<string>() ?? $"HTTP {(int)response.StatusCode}";
        throw new CruddurException($"the local Cognito refused {action}: {type}: {body["message"]?.GetValue<string>()}");
    }

    public async Task<bool> IsUpAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync("/health", ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    public static string Text(JsonNode node, string path) =>
        path.Split('.').Aggregate((JsonNode?)node, (n, part) => n?[part])?.GetValue<string>()
        ?? throw new JsonException($"the local Cognito's answer has no {path}");
}
