using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Policy;

/// <summary>
/// Signatures built per their formats and pushed over plain /v2 HTTP, as cosign and notation push them: a cosign
/// <c>sha256-&lt;hex&gt;.sig</c> manifest and a notation JWS referrer, signed with .NET crypto.
/// </summary>
internal static class ContentTrustSignatures
{
    private const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>Pushes a cosign legacy signature of <paramref name="subjectDigest"/>; returns the signature manifest's digest.</summary>
    public static async Task<string> PushCosignAsync(HttpClient client, string repository, string subjectDigest, ECDsa key)
    {
        var registry = new RegistryHttp(client);
        var payload = Encoding.UTF8.GetBytes(
            $$"""{"critical":{"identity":{"docker-reference":"{{repository}}"},"image":{"docker-manifest-digest":"{{subjectDigest}}"},"type":"cosign container image signature"},"optional":null}""");
        var signature = key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var layer = await registry.PushBlobOrFailAsync(repository, payload);
        var config = "{}"u8.ToArray();
        var configDigest = await registry.PushBlobOrFailAsync(repository, config);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", configDigest, config.Length),
            ["layers"] = new JsonArray(Descriptor("application/vnd.dev.cosign.simplesigning.v1+json", layer, payload.Length,
                new JsonObject { ["dev.cosignproject.cosign/signature"] = Convert.ToBase64String(signature) })),
        };
        return await PutAsync(registry, repository, $"sha256-{subjectDigest["sha256:".Length..]}.sig", manifest);
    }

    /// <summary>Pushes a notation JWS signature referrer of the subject (by digest, no tag); returns its digest.</summary>
    public static async Task<string> PushNotationAsync(HttpClient client, string repository, string subjectDigest, long subjectSize, ECDsa key)
    {
        var registry = new RegistryHttp(client);
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            """{"alg":"ES256","crit":["io.cncf.notary.signingScheme"],"cty":"application/vnd.cncf.notary.payload.v1+json","io.cncf.notary.signingScheme":"notary.x509","io.cncf.notary.signingTime":"2026-01-01T00:00:00Z"}"""));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$$"""{"targetArtifact":{"mediaType":"{{{OciManifest}}}","digest":"{{{subjectDigest}}}","size":{{{subjectSize}}}}}"""));
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256);
        var envelope = Encoding.UTF8.GetBytes(
            $$"""{"payload":"{{payload}}","protected":"{{header}}","header":{"x5c":[]},"signature":"{{Base64Url.EncodeToString(signature)}}"}""");
        var layer = await registry.PushBlobOrFailAsync(repository, envelope);
        var empty = "{}"u8.ToArray();
        var emptyDigest = await registry.PushBlobOrFailAsync(repository, empty);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["artifactType"] = "application/vnd.cncf.notary.signature",
            ["config"] = Descriptor("application/vnd.oci.empty.v1+json", emptyDigest, empty.Length),
            ["layers"] = new JsonArray(Descriptor("application/jose+json", layer, envelope.Length)),
            ["subject"] = Descriptor(OciManifest, subjectDigest, subjectSize),
            ["annotations"] = new JsonObject { ["io.cncf.notary.x509chain.thumbprint#S256"] = "[]" },
        };
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        return await PutAsync(registry, repository, ContentDigest.Of(bytes), manifest);
    }

    /// <summary>A self-signed certificate for <paramref name="key"/>, as notation's trust store would hold it.</summary>
    public static string CertificatePem(ECDsa key)
    {
        using var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=berth-it", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return certificate.ExportCertificatePem();
    }

    private static async Task<string> PutAsync(RegistryHttp registry, string repository, string reference, JsonObject manifest)
    {
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        using var response = await registry.PutManifestAsync(repository, reference, bytes, OciManifest);
        await RegistryHttp.EnsureStatusAsync(response, HttpStatusCode.Created);
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size, JsonObject? annotations = null)
    {
        var descriptor = new JsonObject { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };
        if (annotations is not null) descriptor["annotations"] = annotations;
        return descriptor;
    }
}
