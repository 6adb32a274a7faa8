using System.Net;
using System.Net.Sockets;

namespace Berth.IntegrationTests.ScannerAdapter;

/// <summary>
/// A loopback port that accepts connections and never answers: a registry that hangs, so a scan pulling from it
/// stays running for as long as the test needs a report that is not ready yet.
/// </summary>
internal sealed class SilentRegistry : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SilentRegistry()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_held) _held.Add(client);
            }
        }
        catch (Exception e) when (_stop.IsCancellationRequested
            && e is OperationCanceledException or InvalidOperationException or SocketException or ObjectDisposedException)
        {
            // Disposal stops the listener. An accept that completed just before comes back to a stopped listener
            // ("Not listening") or a closed socket instead of seeing the cancellation; all of them mean the same.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_held) foreach (var client in _held) client.Dispose();
        _stop.Dispose();
    }
}
