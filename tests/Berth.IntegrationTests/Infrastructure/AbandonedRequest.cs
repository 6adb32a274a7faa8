using System.Net.Sockets;
using System.Text;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// A request sent over a raw socket whose <c>Content-Length</c> promises more than the client sends: the
/// headers and part of the body go out, the socket stays open until disposed, then closes mid-body, as a
/// client that crashed or lost its network would leave it.
/// </summary>
public sealed class AbandonedRequest : IAsyncDisposable
{
    private readonly TcpClient _client;

    private AbandonedRequest(TcpClient client) => _client = client;

    public static async Task<AbandonedRequest> SendAsync(
        int port, string method, string pathAndQuery, long declaredLength, byte[] sentPart, string authorization, string? contentRange = null)
    {
        if (sentPart.Length >= declaredLength) throw new ArgumentException("the sent part must be shorter than the declared length");
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port);
        var head = new StringBuilder()
            .Append($"{method} {pathAndQuery} HTTP/1.1\r\n")
            .Append($"Host: 127.0.0.1:{port}\r\n")
            .Append("Content-Type: application/octet-stream\r\n")
            .Append($"Content-Length: {declaredLength}\r\n")
            .Append($"Authorization: {authorization}\r\n");
        if (contentRange is not null) head.Append($"Content-Range: {contentRange}\r\n");
        head.Append("\r\n");
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(sentPart);
        await stream.FlushAsync();
        return new AbandonedRequest(client);
    }

    /// <summary>Closes the connection with the body unfinished.</summary>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
