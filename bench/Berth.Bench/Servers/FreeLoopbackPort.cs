using System.Net;
using System.Net.Sockets;

namespace Berth.Bench.Servers;

/// <summary>Asks the kernel for a port on 127.0.0.1 that is free right now.</summary>
public static class FreeLoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
