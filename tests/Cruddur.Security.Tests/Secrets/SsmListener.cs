using System.Net;
using System.Text;
using System.Text.Json;
using Cruddur.Chores.Local;

namespace Cruddur.Security.Tests.Secrets;

/// <summary>
/// A local HTTP endpoint speaking Systems Manager's JSON 1.1 protocol for GetParameter: it records each
/// request (target header and body) and answers with the parameters it was given.
/// </summary>
public sealed class SsmListener : IAsyncDisposable
{
    public sealed record Received(string Method, string? Target, string? ContentType, JsonElement Body);

    readonly HttpListener _listener = new();
    readonly Dictionary<string, string> _parameters;
    readonly Task _serving;
    readonly List<Received> _requests = [];

    public string Url { get; }

    public IReadOnlyList<Received> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    public SsmListener(Dictionary<string, string> parameters)
    {
        _parameters = parameters;
        Url = $"http://127.0.0.1:{FreePort.Find()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = ServeAsync();
    }

    async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            await AnswerAsync(context);
        }
    }

    async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
        lock (_requests) _requests.Add(new Received(context.Request.HttpMethod, context.Request.Headers["X-Amz-Target"], context.Request.ContentType, body));
        var name = body.GetProperty("Name").GetString()!;
        var (status, answer) = _parameters.TryGetValue(name, out var value)
            ? (200, new Dictionary<string, object> { ["Parameter"] = new { Name = name, Type = "SecureString", Value = value, Version = 1 } })
            : (400, new Dictionary<string, object> { ["__type"] = "ParameterNotFound", ["message"] = "not found" });
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(answer));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Close after Stop re-resolves the endpoint, and fails when another process took the port meanwhile: it is closed either way.
        }
        await _serving;
    }
}
