using System.Net;
using System.Net.Sockets;

namespace Cruddur.Testing;

/// <summary>A loopback port nobody listens on, for "the database is down".</summary>
public static class ClosedPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
