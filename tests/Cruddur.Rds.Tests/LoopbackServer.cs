using System.Net;
using Cruddur.Chores.Local;

namespace Cruddur.Rds.Tests;

/// <summary>A real HTTP server on 127.0.0.1 standing in for AWS or an IP echo service: it records each request and answers as told.</summary>
public sealed class LoopbackServer : IDisposable
{
    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        /// <summary>The form body of a query-protocol call (EC2, RDS) as name → value.</summary>
        public IReadOnlyDictionary<string, string> Form =>
            Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(kv => Uri.UnescapeDataString(kv[0].Replace('+', ' ')), kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "");
    }

    public sealed record Response(int Status, string ContentType, string Body);

    readonly HttpListener _listener = new();
    readonly Func<Request, Response> _answer;
    readonly List<Request> _requests = [];

    public LoopbackServer(Func<Request, Response> answer)
    {
        _answer = answer;
        Port = FreePort.Find();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<Request> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }


    async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var request = new Request(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase),
                await reader.ReadToEndAsync());
            lock (_requests) _requests.Add(request);
            var response = _answer(request);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            var bytes = System.Text.Encoding.UTF8.GetBytes(response.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
