using System.Net;
using System.Net.Sockets;
using Cruddur.Chores.Local;

namespace Cruddur.Cli.Tests.Db;

/// <summary>A loopback port that starts listening only when told, then forwards every connection to the test server.</summary>
sealed class LatePort(int target) : IAsyncDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, FreePort.Find());
    readonly CancellationTokenSource _stop = new();
    Task _accepting = Task.CompletedTask;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Open()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(ct);
            _ = ForwardAsync(client, ct);
        }
    }

    async Task ForwardAsync(TcpClient client, CancellationToken ct)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(IPAddress.Loopback, target, ct);
            var up = client.GetStream().CopyToAsync(server.GetStream(), ct);
            var down = server.GetStream().CopyToAsync(client.GetStream(), ct);
            await Task.WhenAny(up, down);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped while accepting, as intended
        }
    }
}
