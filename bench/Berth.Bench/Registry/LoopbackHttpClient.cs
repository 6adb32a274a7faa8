using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Berth.Bench.Registry;

/// <summary>
/// The HttpClient a run shares: a pooled connection per worker, no proxy (loopback traffic must not
/// detour through one), no redirects (a redirect could leave the machine), no decompression and no
/// client-side timeout (each call sets its own, covering the body too).
/// </summary>
public static class LoopbackHttpClient
{
    /// <summary>A client that sends <paramref name="credentials"/>, when given, as Basic on every request.</summary>
    public static HttpClient Create(int concurrency, string? credentials) =>
        Create(concurrency, credentials, LoadAuth.Basic, registry: null);

    /// <summary>A client that authenticates the way <paramref name="auth"/> says.</summary>
    public static HttpClient Create(int concurrency, string? credentials, LoadAuth auth, Uri? registry)
    {
        var sockets = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            // Setup and warm-up run beside the workers' connections now and then; leave headroom.
            MaxConnectionsPerServer = concurrency + 2,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        var basic = credentials is null ? null : BasicHeader(credentials);
        HttpMessageHandler handler = auth == LoadAuth.Bearer
            ? new BearerTokenHandler(sockets, registry ?? throw new ArgumentNullException(nameof(registry)), basic)
            : sockets;
        var client = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Berth.Bench", "1.0"));
        if (auth == LoadAuth.Basic && basic is not null)
        {
            // Sent up front: waiting for a 401 challenge would double every request and cannot replay
            // a streamed body.
            client.DefaultRequestHeaders.Authorization = basic;
        }

        return client;
    }

    private static AuthenticationHeaderValue BasicHeader(string credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
}
