using System.Net;
using System.Net.Sockets;

namespace Cruddur.Testing;

/// <summary>A loopback port held by a listener until disposed: what a command meets when its port is taken.</summary>
public sealed class OccupiedPort : IDisposable
{
    public OccupiedPort() => Listener.Start();

    public TcpListener Listener { get; } = new(IPAddress.Loopback, 0);

    public int Port => ((IPEndPoint)Listener.LocalEndpoint).Port;

    public void Dispose() => Listener.Dispose();
}
