using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Cli;

/// <summary>
/// A local stand-in for osv.dev's bucket (which this machine cannot reach): a plain HTTP server on 127.0.0.1
/// serving fixed files by path, 404 for anything else, and counting the requests it answered.
/// </summary>
public sealed class AdvisoryMirror : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, byte[]> _files;
    private readonly Task _serving;
    private int _requests;

    private AdvisoryMirror(int port, IReadOnlyDictionary<string, byte[]> files)
    {
        Port = port;
        _files = files;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    public int Requests => Volatile.Read(ref _requests);

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}/{path.TrimStart('/')}");

    /// <param name="files">Content by absolute path, such as <c>/Go/all.zip</c>.</param>
    public static AdvisoryMirror Start(IReadOnlyDictionary<string, byte[]> files) => new(LoopbackPort.Free(), files);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            using var response = context.Response;
            if (_files.TryGetValue(context.Request.Url!.AbsolutePath, out var content))
            {
                response.StatusCode = 200;
                response.ContentType = "application/zip";
                response.ContentLength64 = content.Length;
                await response.OutputStream.WriteAsync(content);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
