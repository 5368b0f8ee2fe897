using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Cruddur.Testing;

namespace Cruddur.Api.Tests;

/// <summary>
/// A stream of <c>POST /api/activities</c> from a few concurrent clients until stopped, each request
/// on its own connection with the given access token and bounded by a timeout; every answer (or
/// failure to get one) is recorded.
/// </summary>
public sealed class PostStream(Uri api, string accessToken, int clients = 4)
{
    public sealed record Outcome(int Status, Guid? Created, string? Failure);

    const int MaxRequestsPerClient = 20_000;
    readonly ConcurrentQueue<Outcome> _outcomes = new();
    readonly CancellationTokenSource _stop = new();
    Task? _running;

    public IReadOnlyList<Outcome> Outcomes => [.. _outcomes];
    public int Count(int status) => _outcomes.Count(o => o.Status == status);
    public Guid[] Created => [.. _outcomes.Where(o => o.Created is not null).Select(o => o.Created!.Value)];

    public void Start() => _running = Task.WhenAll(Enumerable.Range(0, clients).Select(RunAsync));

    public async Task<IReadOnlyList<Outcome>> StopAsync()
    {
        await _stop.CancelAsync();
        await _running!;
        return Outcomes;
    }

    /// <summary>Waits until <paramref name="more"/> more answers with <paramref name="status"/> have come, failing after a minute.</summary>
    public async Task WaitForMoreAsync(int status, int more)
    {
        var target = Count(status) + more;
        Assert.True(await Poll.UntilAsync(() => Count(status) >= target, TimeSpan.FromMinutes(1)),
            $"only {Count(status)} of {target} answers {status} within a minute; seen {Summary()}");
    }

    /// <summary>Waits until a request fails with <paramref name="failure"/>, failing after a minute.</summary>
    public async Task WaitForFailureAsync(string failure)
    {
        Assert.True(await Poll.UntilAsync(() => _outcomes.Any(o => o.Failure == failure), TimeSpan.FromMinutes(1)),
            $"no request failed with {failure} within a minute; seen {Summary()}");
    }

    public string Summary() => string.Join(", ", _outcomes.GroupBy(o => o.Failure ?? o.Status.ToString()).Select(g => $"{g.Key} x{g.Count()}"));

    async Task RunAsync(int client)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero })
            { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        for (var n = 0; n < MaxRequestsPerClient && !_stop.IsCancellationRequested; n++)
        {
            var body = JsonSerializer.Serialize(new { message = $"stream {client} {n}", ttl = "1-day" });
            _outcomes.Enqueue(await PostAsync(http, body, accessToken));
        }
    }

    static async Task<Outcome> PostAsync(HttpClient http, string body, string accessToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/activities") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.ConnectionClose = true;
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Guid? created = (int)response.StatusCode == 201 ? JsonDocument.Parse(text).RootElement.GetProperty("uuid").GetGuid() : null;
            return new Outcome((int)response.StatusCode, created, null);
        }
        catch (HttpRequestException e)
        {
            // ConnectionRefused: nobody listens any more; anything else means a connection was cut.
            return new Outcome(0, null, SocketErrorOf(e)?.ToString() ?? e.HttpRequestError.ToString());
        }
        catch (TaskCanceledException)
        {
            return new Outcome(0, null, "Timeout");
        }
    }

    static SocketError? SocketErrorOf(Exception? e) =>
        e switch { null => null, SocketException socket => socket.SocketErrorCode, _ => SocketErrorOf(e.InnerException) };
}
