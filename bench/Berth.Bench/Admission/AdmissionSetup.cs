using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Berth.Bench.Admission;

/// <summary>
/// Prepares what the admission bench judges: a project with cosign content trust on, five small images in it, each
/// with a cosign signature (the legacy <c>sha256-&lt;hex&gt;.sig</c> tag holding a simple-signing layer), so every
/// decision resolves five tags and runs the signature check on five digests and is allowed; and one unsigned image,
/// so the bench can first show the check really refuses.
/// </summary>
public sealed class AdmissionSetup(HttpClient http, Uri registry)
{
    public const string Project = "admissionbench";
    public const int Images = 5;

    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    public async Task<(IReadOnlyList<string> Signed, string Unsigned)> PrepareAsync(CancellationToken cancellationToken)
    {
        using (var created = await http.PostAsync(new Uri(registry, "api/v2.0/projects"), Json(
            $$$"""{"project_name":"{{{Project}}}","metadata":{"enable_content_trust_cosign":"true"}}"""), cancellationToken))
        {
            if (created.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
                throw new InvalidOperationException($"creating project {Project} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync(cancellationToken)}");
        }
        var host = registry.Authority;
        var signed = new List<string>();
        for (var i = 1; i <= Images; i++)
        {
            var repository = $"{Project}/app{i}";
            var digest = await PushImageAsync(repository, "1.0", $"app{i}", cancellationToken);
            await PushSignatureAsync(repository, digest, cancellationToken);
            signed.Add($"{host}/{repository}:1.0");
        }
        await PushImageAsync($"{Project}/unsigned", "1.0", "unsigned", cancellationToken);
        return (signed, $"{host}/{Project}/unsigned:1.0");
    }

    private async Task<string> PushImageAsync(string repository, string tag, string marker, CancellationToken cancellationToken)
    {
        var config = Encoding.UTF8.GetBytes($$$"""{"architecture":"amd64","os":"linux","config":{"Labels":{"bench":"{{{marker}}}"}},"rootfs":{"type":"layers","diff_ids":[]}}""");
        var configDigest = await PushBlobAsync(repository, config, cancellationToken);
        var manifest = $$$"""{"schemaVersion":2,"mediaType":"{{{ManifestType}}}","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{{configDigest}}}","size":{{{config.Length}}}},"layers":[]}""";
        return await PutManifestAsync(repository, tag, Encoding.UTF8.GetBytes(manifest), cancellationToken);
    }

    /// <summary>A cosign simple-signing signature of <paramref name="digest"/>; the project trusts no keys, so its presence is what counts (Harbor's rule).</summary>
    private async Task PushSignatureAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes($$$"""{"critical":{"identity":{"docker-reference":"{{{registry.Authority}}}/{{{repository}}}"},"image":{"docker-manifest-digest":"{{{digest}}}"},"type":"cosign container image signature"},"optional":null}""");
        var payloadDigest = await PushBlobAsync(repository, payload, cancellationToken);
        var config = "{}"u8.ToArray();
        var configDigest = await PushBlobAsync(repository, config, cancellationToken);
        var signature = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var manifest = $$$"""{"schemaVersion":2,"mediaType":"{{{ManifestType}}}","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{{configDigest}}}","size":{{{config.Length}}}},"layers":[{"mediaType":"application/vnd.dev.cosign.simplesigning.v1+json","digest":"{{{payloadDigest}}}","size":{{{payload.Length}}},"annotations":{"dev.cosignproject.cosign/signature":"{{{signature}}}"}}]}""";
        await PutManifestAsync(repository, digest.Replace(':', '-') + ".sig", Encoding.UTF8.GetBytes(manifest), cancellationToken);
    }

    private async Task<string> PushBlobAsync(string repository, byte[] blob, CancellationToken cancellationToken)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(blob));
        using var started = await http.PostAsync(new Uri(registry, $"v2/{repository}/blobs/uploads/"), null, cancellationToken);
        Expect(started, HttpStatusCode.Accepted, "starting an upload");
        var location = new Uri(registry, started.Headers.Location!);
        var separator = location.Query.Length > 0 ? "&" : "?";
        using var content = new ByteArrayContent(blob);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = await http.PutAsync(new Uri(location + separator + "digest=" + Uri.EscapeDataString(digest)), content, cancellationToken);
        Expect(put, HttpStatusCode.Created, "finishing an upload");
        return digest;
    }

    private async Task<string> PutManifestAsync(string repository, string reference, byte[] manifest, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(ManifestType);
        using var put = await http.PutAsync(new Uri(registry, $"v2/{repository}/manifests/{reference}"), content, cancellationToken);
        Expect(put, HttpStatusCode.Created, $"pushing {repository}:{reference}");
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status) throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}, expected {(int)status}");
    }
}
