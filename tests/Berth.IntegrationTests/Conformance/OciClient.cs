using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Berth.IntegrationTests.Conformance;

/// <summary>
/// The distribution API as the conformance workflows speak it: raw requests with the spec's headers,
/// plus the few multi-step operations (monolithic upload, image push) that setups repeat. Upload
/// <c>Location</c>s are treated as opaque URLs, absolute or relative, as the spec asks clients to.
/// </summary>
public sealed class OciClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathOrUri, HttpContent? content = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, pathOrUri) { Content = content };
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

    /// <summary>POST /v2/&lt;name&gt;/blobs/uploads/ with an optional query (<c>digest</c>, <c>mount</c>, <c>from</c>) and body.</summary>
    public Task<HttpResponseMessage> StartUploadAsync(string repository, string query = "", HttpContent? content = null) =>
        SendAsync(HttpMethod.Post, $"v2/{repository}/blobs/uploads/{query}", content ?? Empty());

    /// <summary>POST then PUT with the whole blob; asserts the 202 and the 201 and returns the 201.</summary>
    public async Task<HttpResponseMessage> PushBlobAsync(string repository, OciContent blob)
    {
        using var started = await StartUploadAsync(repository);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var put = await SendAsync(HttpMethod.Put, WithDigest(UploadLocation(started), blob.Digest), Octets(blob.Bytes));
        Assert.True(put.StatusCode == HttpStatusCode.Created, await DescribeAsync(put));
        return put;
    }

    public async Task PushBlobsAsync(string repository, params OciContent[] blobs)
    {
        foreach (var blob in blobs)
        {
            using var _ = await PushBlobAsync(repository, blob);
        }
    }

    /// <summary>PUT /v2/&lt;name&gt;/manifests/&lt;reference&gt; with the manifest's own media type as Content-Type.</summary>
    public Task<HttpResponseMessage> PutManifestAsync(string repository, string reference, OciContent manifest)
    {
        var content = new ByteArrayContent(manifest.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
        return SendAsync(HttpMethod.Put, $"v2/{repository}/manifests/{reference}", content);
    }

    /// <summary>Pushes a manifest and asserts it was created.</summary>
    public async Task PushManifestAsync(string repository, string reference, OciContent manifest)
    {
        using var response = await PutManifestAsync(repository, reference, manifest);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
    }

    /// <summary>The setup every workflow starts with: a config blob, a layer blob and a manifest naming both.</summary>
    public async Task<PushedImage> PushImageAsync(string repository, string? tag)
    {
        var config = ImageBuilder.RandomConfig();
        var layer = ImageBuilder.RandomLayer();
        var manifest = ImageBuilder.ImageManifest(config, [layer]);
        await PushBlobsAsync(repository, config, layer);
        await PushManifestAsync(repository, tag ?? manifest.Digest, manifest);
        return new PushedImage(repository, tag, config, layer, manifest);
    }

    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v2/{repository}/tags/list");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return json.RootElement.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()!).ToList();
    }

    /// <summary>The upload URL a 202 points at, resolved against the registry when it is relative.</summary>
    public Uri UploadLocation(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        Assert.NotNull(location);
        return location.IsAbsoluteUri ? location : new Uri(http.BaseAddress!, location);
    }

    /// <summary>Adds <c>digest=</c> to an opaque upload URL that may already carry a query.</summary>
    public static string WithDigest(Uri location, string digest) => WithQuery(location, "digest", digest);

    public static string WithQuery(Uri location, string name, string value)
    {
        var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";
        return $"{location}{separator}{name}={Uri.EscapeDataString(value)}";
    }

    /// <summary>A body of raw bytes with <c>Content-Type: application/octet-stream</c> and its Content-Length.</summary>
    public static ByteArrayContent Octets(byte[] bytes, int offset = 0, int? count = null)
    {
        var content = new ByteArrayContent(bytes, offset, count ?? bytes.Length - offset);
        content.Headers.ContentType = new MediaTypeHeaderValue(OciMediaTypes.OctetStream);
        return content;
    }

    /// <summary>A chunk of <paramref name="bytes"/> with the spec's <c>Content-Range: start-end</c> (inclusive).</summary>
    public static ByteArrayContent Chunk(byte[] bytes, int start, int count)
    {
        var content = Octets(bytes, start, count);
        content.Headers.TryAddWithoutValidation("Content-Range", $"{start}-{start + count - 1}");
        return content;
    }

    /// <summary>An empty body that still says <c>Content-Length: 0</c>.</summary>
    public static ByteArrayContent Empty() => new([]);

    /// <summary>Status and body of a response, for assertion messages that say what the server answered.</summary>
    public static async Task<string> DescribeAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
}
