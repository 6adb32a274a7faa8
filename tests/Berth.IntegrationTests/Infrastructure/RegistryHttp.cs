using System.Net;
using System.Net.Http.Headers;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// Raw /v2 requests the way a client sends them, for tests that push blobs and manifests byte by byte
/// rather than through skopeo or podman. Methods ending in <c>OrFail</c> insist on success.
/// </summary>
public sealed class RegistryHttp(HttpClient client)
{
    public HttpClient Client => client;

    /// <summary>Monolithic push in one request: <c>POST /v2/&lt;name&gt;/blobs/uploads/?digest=</c> with the whole blob.</summary>
    public Task<HttpResponseMessage> PushBlobAsync(string repository, byte[] content, string? digest = null) =>
        client.PostAsync($"v2/{repository}/blobs/uploads/?digest={digest ?? ContentDigest.Of(content)}", Octets(content));

    public async Task<string> PushBlobOrFailAsync(string repository, byte[] content)
    {
        using var response = await PushBlobAsync(repository, content);
        await EnsureStatusAsync(response, HttpStatusCode.Created);
        return ContentDigest.Of(content);
    }

    /// <summary>Opens an upload session and returns its location (<c>/v2/&lt;name&gt;/blobs/uploads/&lt;id&gt;</c>).</summary>
    public async Task<string> StartUploadOrFailAsync(string repository)
    {
        using var response = await client.PostAsync($"v2/{repository}/blobs/uploads/", null);
        await EnsureStatusAsync(response, HttpStatusCode.Accepted);
        return response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("upload start has no Location");
    }

    /// <summary>Sends one chunk of a session with <c>Content-Range: &lt;start&gt;-&lt;end&gt;</c>.</summary>
    public Task<HttpResponseMessage> PatchAsync(string location, ReadOnlyMemory<byte> chunk, long start) =>
        PatchAsync(location, chunk, $"{start}-{start + chunk.Length - 1}");

    public Task<HttpResponseMessage> PatchAsync(string location, ReadOnlyMemory<byte> chunk, string contentRange)
    {
        var content = Octets(chunk.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        return client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, location) { Content = content });
    }

    /// <summary>Finishes a session: <c>PUT &lt;location&gt;?digest=</c>, optionally carrying the last chunk.</summary>
    public Task<HttpResponseMessage> CompleteAsync(string location, string digest, byte[]? lastChunk = null) =>
        client.PutAsync(WithDigest(location, digest), lastChunk is null ? null : Octets(lastChunk));

    public Task<HttpResponseMessage> UploadStatusAsync(string location) => client.GetAsync(location);

    public Task<HttpResponseMessage> PutManifestAsync(string repository, string reference, byte[] content, string contentType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return client.PutAsync($"v2/{repository}/manifests/{reference}", body);
    }

    public static string WithDigest(string location, string digest) =>
        location + (location.Contains('?') ? '&' : '?') + "digest=" + digest;

    /// <summary>The inclusive byte range an upload response reports (<c>Range: 0-&lt;end&gt;</c>).</summary>
    public static string? ReportedRange(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Range", out var values) ? values.Single() : null;

    public static async Task EnsureStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
    }

    private static ByteArrayContent Octets(byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return body;
    }
}
