using System.Net;
using System.Security.Cryptography;
using System.Text;
using Berth.Bench.Registry;
using Berth.Bench.Workload;

namespace Berth.Bench.Admission;

/// <summary>
/// Prepares what the admission bench judges: a project with cosign content trust on, five small images in it, each
/// with a cosign signature (the legacy <c>sha256-&lt;hex&gt;.sig</c> tag holding a simple-signing layer), so every
/// decision resolves five tags and runs the signature check on five digests and is allowed; and one unsigned image,
/// so the bench can first show the check really refuses.
/// </summary>
public sealed class AdmissionSetup(HttpClient http, Uri registry, TimeSpan requestTimeout)
{
    public const string Project = "admissionbench";
    public const int Images = 5;

    private readonly RegistryClient client = new(http, registry, requestTimeout);

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
        var manifest = $$$"""{"schemaVersion":2,"mediaType":"{{{ImageDocuments.ManifestMediaType}}}","config":{"mediaType":"{{{ImageDocuments.ConfigMediaType}}}","digest":"{{{configDigest}}}","size":{{{config.Length}}}},"layers":[]}""";
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
        var manifest = $$$"""{"schemaVersion":2,"mediaType":"{{{ImageDocuments.ManifestMediaType}}}","config":{"mediaType":"{{{ImageDocuments.ConfigMediaType}}}","digest":"{{{configDigest}}}","size":{{{config.Length}}}},"layers":[{"mediaType":"application/vnd.dev.cosign.simplesigning.v1+json","digest":"{{{payloadDigest}}}","size":{{{payload.Length}}},"annotations":{"dev.cosignproject.cosign/signature":"{{{signature}}}"}}]}""";
        await PutManifestAsync(repository, digest.Replace(':', '-') + ".sig", Encoding.UTF8.GetBytes(manifest), cancellationToken);
    }

    private async Task<string> PushBlobAsync(string repository, byte[] blob, CancellationToken cancellationToken)
    {
        var content = new SmallBlob(blob);
        var started = Expect(await client.StartUploadAsync(repository, cancellationToken));
        Expect(await client.CompleteUploadAsync(started.Location!, content.Digest, BlobContent.Whole(content), cancellationToken));
        return content.Digest;
    }

    private async Task<string> PutManifestAsync(string repository, string reference, byte[] manifest, CancellationToken cancellationToken)
    {
        Expect(await client.PutManifestAsync(repository, reference, manifest, cancellationToken));
        return ContentDigest.Sha256(manifest);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static RegistryReply Expect(RegistryReply reply) =>
        reply.Failed ? throw new InvalidOperationException(reply.Error) : reply;
}
