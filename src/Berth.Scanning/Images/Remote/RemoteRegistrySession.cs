using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Manifests;

namespace Berth.Scanning.Images.Remote;

/// <summary>
/// The requests of one remote image read. The caller's <c>Authorization</c> goes with every request; when the
/// registry answers 401 with a Bearer challenge and that value was Basic (or absent), it is exchanged once at the
/// challenge's token service for a pull token, as Docker clients do. Config digests are learnt from the manifests,
/// so each document is asked for at the right endpoint.
/// </summary>
internal sealed class RemoteRegistrySession(HttpClient http, RemoteImageReference reference)
{
    private const string ManifestAccept =
        "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, "
        + "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json";

    // A token answer is a few kilobytes; anything larger is not one.
    private const int MaxTokenResponseBytes = 64 * 1024;

    private readonly HashSet<Digest> _configs = [];
    private string? _authorization = reference.Authorization;
    private bool _exchanged;

    /// <summary>What went wrong with the last request that failed, for the scan's error message.</summary>
    public string? LastError { get; private set; }

    public async Task<byte[]?> ReadDocumentAsync(Digest digest, int limit, CancellationToken cancellationToken)
    {
        var isConfig = _configs.Contains(digest);
        var address = reference.Address(isConfig ? "blobs" : "manifests", digest);
        using var response = await SendAsync(address, isConfig ? null : ManifestAccept, cancellationToken);
        if (!response.IsSuccessStatusCode) return Fail(Describe(response, address));
        if (response.Content.Headers.ContentLength is { } length && length > limit)
            return Fail($"{address} is {length} bytes, more than the {limit} a {(isConfig ? "config" : "manifest")} may have");
        var bytes = await ReadBoundedAsync(response, limit, cancellationToken);
        if (bytes is null) return Fail($"{address} is more than the {limit} bytes a {(isConfig ? "config" : "manifest")} may have");
        if (Digest.Compute(bytes, digest.Algorithm) != digest) return Fail($"{address} does not match its digest");
        if (!isConfig)
        {
            var parsed = ManifestParser.Parse(bytes, null);
            if (parsed.Succeeded && !parsed.Value.IsIndex && parsed.Value.Config is { } config) _configs.Add(config.Digest);
        }
        return bytes;
    }

    public async Task<Stream> OpenBlobAsync(Digest digest, CancellationToken cancellationToken)
    {
        var address = reference.Address("blobs", digest);
        var response = await SendAsync(address, null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var message = Describe(response, address);
            response.Dispose();
            LastError = message;
            throw new HttpRequestException(message, null, response.StatusCode);
        }
        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    private async Task<HttpResponseMessage> SendAsync(Uri address, string? accept, CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(address, accept, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || _exchanged) return response;
        _exchanged = true;
        var challenge = BearerChallenge.Of(response.Headers.WwwAuthenticate);
        // A Bearer value was meant for this registry as it is; exchanging it would only hide the 401.
        if (challenge is null || (_authorization is { } sent && !sent.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))) return response;
        var token = await ExchangeAsync(challenge, cancellationToken);
        if (token is null) return response;
        response.Dispose();
        _authorization = $"Bearer {token}";
        return await SendOnceAsync(address, accept, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Uri address, string? accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (_authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<string?> ExchangeAsync(BearerChallenge challenge, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, challenge.TokenAddress(reference.Repository));
        if (_authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LastError = $"the token service {challenge.Realm} answered {(int)response.StatusCode}";
            return null;
        }
        var bytes = await ReadBoundedAsync(response, MaxTokenResponseBytes, cancellationToken);
        if (bytes is null) return null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            foreach (var name in new[] { "token", "access_token" })
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } token)
                    return token;
        }
        catch (JsonException)
        {
        }
        LastError = $"the token service {challenge.Realm} gave no token";
        return null;
    }

    /// <summary>The body if it is at most <paramref name="limit"/> bytes, else null (reading stops just past the limit).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Describe(HttpResponseMessage response, Uri address)
    {
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => $"the registry refused the credentials for {address} (401)",
            HttpStatusCode.Forbidden => $"the registry denied pulling {address} (403)",
            HttpStatusCode.NotFound => $"{address} was not found (404)",
            _ => $"{address} answered {status}",
        };
    }

    private byte[]? Fail(string message)
    {
        LastError = message;
        return null;
    }
}
