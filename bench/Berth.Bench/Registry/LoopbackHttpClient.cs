using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Berth.Bench.Registry;

/// <summary>
/// The one HttpClient a run shares: a pooled connection per worker, no proxy (loopback traffic must not
/// detour through one), no redirects (a redirect could leave the machine), no decompression and no
/// client-side timeout (each call sets its own, covering the body too).
/// </summary>
public static class LoopbackHttpClient
{
    public static HttpClient Create(int concurrency, string? credentials)
    {
        var handler = new SocketsHttpHandler
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
        var client = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Berth.Bench", "1.0"));
        if (credentials is not null)
        {
            // Sent up front: waiting for a 401 challenge would double every request and cannot replay
            // a streamed body.
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        return client;
    }
}
