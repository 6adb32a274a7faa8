using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Berth.Bench.Workload;

namespace Berth.Bench.Registry;

/// <summary>
/// The OCI Distribution calls the tests make, each checked against the status the spec prescribes.
/// Anything else — another status, a refused connection, a timeout — comes back as a failed
/// <see cref="RegistryReply"/>: under load those are results to count, not crashes.
/// </summary>
public sealed class RegistryClient(HttpClient http, Uri baseUri, TimeSpan requestTimeout)
{
    private const int DrainBufferBytes = 1 << 20;
    private const int KeptBodyLimit = 4 << 20;

    private long httpCalls;

    public Uri BaseUri { get; } = baseUri;

    /// <summary>HTTP exchanges made so far, for the per-test request count.</summary>
    public long HttpCalls => Interlocked.Read(ref httpCalls);

    /// <summary>GET /v2/: 200, or 401 when the registry wants credentials — either way it is up.</summary>
    public async Task<RegistryReply> PingAsync(CancellationToken cancellationToken)
    {
        var reply = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Url("v2/")), HttpStatusCode.OK, BodyHandling.Discard, cancellationToken);
        return reply.Failed && reply.Status == (int)HttpStatusCode.Unauthorized ? reply with { Error = null } : reply;
    }

    public Task<RegistryReply> GetCatalogAsync(int pageSize, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Url($"v2/_catalog?n={pageSize}")), HttpStatusCode.OK, BodyHandling.Discard, cancellationToken);

    /// <summary>POST /v2/&lt;name&gt;/blobs/uploads/ → 202 with the session's Location.</summary>
    public Task<RegistryReply> StartUploadAsync(string repository, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Url($"v2/{repository}/blobs/uploads/")), HttpStatusCode.Accepted, BodyHandling.Discard, cancellationToken, needsLocation: true);

    /// <summary>PATCH one chunk → 202 with the Location to use next.</summary>
    public Task<RegistryReply> PatchChunkAsync(Uri session, HttpContent chunk, string? contentRange, CancellationToken cancellationToken)
    {
        if (contentRange is not null)
        {
            // OCI wants "start-end" without a unit, which the typed ContentRange header cannot express.
            chunk.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        }

        var request = new HttpRequestMessage(HttpMethod.Patch, session) { Content = chunk };
        return SendAsync(request, HttpStatusCode.Accepted, BodyHandling.Discard, cancellationToken, needsLocation: true);
    }

    /// <summary>PUT &lt;session&gt;?digest= with the whole blob (monolithic) or an empty body (closing chunks) → 201.</summary>
    public Task<RegistryReply> CompleteUploadAsync(Uri session, string digest, HttpContent body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, WithQuery(session, "digest", digest)) { Content = body };
        return SendAsync(request, HttpStatusCode.Created, BodyHandling.Discard, cancellationToken);
    }

    public Task<RegistryReply> PutManifestAsync(string repository, string reference, byte[] manifest, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(ImageDocuments.ManifestMediaType);
        var request = new HttpRequestMessage(HttpMethod.Put, Url($"v2/{repository}/manifests/{reference}")) { Content = content };
        return SendAsync(request, HttpStatusCode.Created, BodyHandling.Discard, cancellationToken);
    }

    public Task<RegistryReply> HeadManifestAsync(string repository, string reference, CancellationToken cancellationToken) =>
        SendAsync(ManifestRequest(HttpMethod.Head, repository, reference), HttpStatusCode.OK, BodyHandling.Discard, cancellationToken);

    public Task<RegistryReply> GetManifestAsync(string repository, string reference, BodyHandling body, CancellationToken cancellationToken) =>
        SendAsync(ManifestRequest(HttpMethod.Get, repository, reference), HttpStatusCode.OK, body, cancellationToken);

    public Task<RegistryReply> GetBlobAsync(string repository, string digest, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Url($"v2/{repository}/blobs/{digest}")), HttpStatusCode.OK, BodyHandling.Discard, cancellationToken);

    private HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, Url($"v2/{repository}/manifests/{reference}"));
        foreach (var type in OciAccept.Manifests)
        {
            request.Headers.Accept.Add(type);
        }

        return request;
    }

    private async Task<RegistryReply> SendAsync(
        HttpRequestMessage request,
        HttpStatusCode expected,
        BodyHandling bodyHandling,
        CancellationToken cancellationToken,
        bool needsLocation = false)
    {
        using var _ = request;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(requestTimeout);
        Interlocked.Increment(ref httpCalls);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode != expected)
            {
                var detail = await ErrorDetailAsync(response, deadline.Token);
                return new RegistryReply((int)response.StatusCode, null, 0, null, $"{Describe(request)} → {(int)response.StatusCode} (wanted {(int)expected}){detail}");
            }

            Uri? location = null;
            if (needsLocation)
            {
                location = ResolveLocation(response.Headers.Location);
                if (location is null)
                {
                    return RegistryReply.Fault($"{Describe(request)} → {(int)response.StatusCode} without a usable Location on this registry (got '{response.Headers.Location}')");
                }
            }

            if (bodyHandling == BodyHandling.Keep)
            {
                var body = await ReadLimitedAsync(response.Content, deadline.Token);
                return body is null
                    ? RegistryReply.Fault($"{Describe(request)}: body larger than {KeptBodyLimit} bytes")
                    : new RegistryReply((int)response.StatusCode, location, body.Length, body, null);
            }

            var bytes = await DrainAsync(response.Content, deadline.Token);
            return new RegistryReply((int)response.StatusCode, location, bytes, null, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RegistryReply.Fault($"{Describe(request)}: no complete answer within {requestTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return RegistryReply.Fault($"{Describe(request)}: {e.Message}");
        }
        catch (IOException e)
        {
            return RegistryReply.Fault($"{Describe(request)}: {e.Message}");
        }
    }

    private static async Task<long> DrainAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(DrainBufferBytes);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > KeptBodyLimit)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (kept.Length + read > KeptBodyLimit)
            {
                return null;
            }

            kept.Write(buffer, 0, read);
        }

        return kept.ToArray();
    }

    private static async Task<string> ErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await ReadLimitedAsync(response.Content, cancellationToken);
            if (body is null || body.Length == 0)
            {
                return string.Empty;
            }

            var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).ReplaceLineEndings(" ").Trim();
            return $": {text}";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            return string.Empty;
        }
    }

    // Upload sessions live wherever the registry says; follow only Locations that stay on it.
    private Uri? ResolveLocation(Uri? location)
    {
        if (location is null)
        {
            return null;
        }

        var absolute = location.IsAbsoluteUri ? location : new Uri(BaseUri, location);
        var sameServer = absolute.Scheme == BaseUri.Scheme
            && string.Equals(absolute.Host, BaseUri.Host, StringComparison.OrdinalIgnoreCase)
            && absolute.Port == BaseUri.Port;
        return sameServer ? absolute : null;
    }

    private Uri Url(string relative) => new(BaseUri, relative);

    private static Uri WithQuery(Uri uri, string name, string value)
    {
        var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
        return new Uri(uri.AbsoluteUri + separator + name + "=" + Uri.EscapeDataString(value));
    }

    // Method and path only: upload Locations carry long opaque state in their query.
    private static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.AbsolutePath}";
}
