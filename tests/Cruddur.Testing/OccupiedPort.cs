using System.Net;
using System.Net.Sockets;

namespace Cruddur.Testing;

/// <summary>A loopback port held by a listener until disposed: what a command meets when its port is taken.</summary>
public sealed class OccupiedPort : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public OccupiedPort() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose() => _listener.Dispose();
}
