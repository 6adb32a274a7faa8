using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Berth.Core;
using Berth.Core.Manifests;
using Berth.Metadata;
using Berth.Metadata.Artifacts;
using Berth.Metadata.Sqlite;
using Berth.Policy.Signatures;
using Berth.Storage.FileSystem;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berth.Policy.Tests.Signatures;

/// <summary>
/// A migrated metadata file with a real blob directory, and pushes of images and of signatures built per their
/// formats (cosign .sig manifests, Sigstore bundle referrers, notation JWS referrers), signed with .NET crypto.
/// </summary>
internal sealed class SignatureFixture : IAsyncDisposable
{
    public const string Repository = "shop/web";

    private SignatureFixture(PolicyDatabase db)
    {
        Db = db;
        Paths = new BlobPaths(Path.Combine(db.Directory, "blobs"));
        Blobs = new SignatureBlobs(new FileSystemBlobStore(Paths));
        Keys = new SqliteSignatureKeyStore(db.Database);
        Discovery = new SignatureDiscovery(db.Metadata);
    }

    public PolicyDatabase Db { get; }

    public BlobPaths Paths { get; }

    public SignatureBlobs Blobs { get; }

    public SqliteSignatureKeyStore Keys { get; }

    public SignatureDiscovery Discovery { get; }

    public static async Task<SignatureFixture> CreateAsync() => new(await PolicyDatabase.CreateAsync());

    public SignatureRequirement Requirement(TimeProvider? time = null) => new(
        Discovery, Keys, new CosignSimpleSigningVerifier(Blobs), new SigstoreBundleVerifier(Blobs, Db.Metadata),
        new NotationJwsVerifier(Blobs, time ?? TimeProvider.System), NullLogger<SignatureRequirement>.Instance);

    /// <summary>Stores the blob on disk and links it into the repository.</summary>
    public async Task<Descriptor> PutBlobAsync(byte[] content, string mediaType, string repository = Repository)
    {
        var digest = Digest.Compute(content);
        var path = Paths.Blob(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content);
        await Db.Metadata.LinkBlobAsync(repository, digest, content.Length, default);
        return new Descriptor(mediaType, digest, content.Length);
    }

    public async Task<ManifestUpload> PushManifestAsync(JsonObject manifest, string? tag, string repository = Repository)
    {
        var content = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        var document = ManifestParser.Parse(content, null);
        Assert.True(document.Succeeded, document.Error?.Message);
        var upload = new ManifestUpload(repository, Digest.Compute(content), content, document.Value, tag);
        var stored = await Db.Metadata.PutManifestAsync(upload, default);
        Assert.True(stored.Succeeded, stored.Error?.Message);
        return upload;
    }

    /// <summary>A small image whose content is unique to <paramref name="name"/>; returns its subject and descriptor.</summary>
    public async Task<(ArtifactSubject Subject, Descriptor Descriptor)> PushImageAsync(string name, string? tag = "v1", string repository = Repository)
    {
        var config = await PutBlobAsync(Encoding.UTF8.GetBytes($"{{\"name\":\"{name}\"}}"), "application/vnd.oci.image.config.v1+json", repository);
        var layer = await PutBlobAsync(Encoding.UTF8.GetBytes($"layer of {name}"), "application/vnd.oci.image.layer.v1.tar+gzip", repository);
        var upload = await PushManifestAsync(Manifest(config, [layer]), tag, repository);
        return (new ArtifactSubject(repository, upload.Digest, MediaTypes.OciManifest),
            new Descriptor(MediaTypes.OciManifest, upload.Digest, upload.Content.Length));
    }

    /// <summary>Cosign's legacy signature: payload blob, signature annotation, pushed as tag <c>sha256-&lt;hex&gt;.sig</c>.</summary>
    public async Task<ManifestUpload> PushCosignSignatureAsync(
        ArtifactSubject subject, ECDsa key, string? namedDigest = null, bool corrupt = false, string digestKey = "docker-manifest-digest")
    {
        var payload = Encoding.UTF8.GetBytes(
            $$"""{"critical":{"identity":{"docker-reference":"localhost/{{subject.Repository}}"},"image":{"{{digestKey}}":"{{namedDigest ?? subject.Digest.ToString()}}"},"type":"cosign container image signature"},"optional":null}""");
        var signature = key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (corrupt) signature[^1] ^= 0x55;
        var layer = await PutBlobAsync(payload, SignatureFormats.SimpleSigningLayer);
        var config = await PutBlobAsync("{}"u8.ToArray(), "application/vnd.oci.image.config.v1+json");
        var manifest = Manifest(config, [layer]);
        manifest["layers"]![0]!["annotations"] = new JsonObject { [SignatureFormats.CosignSignatureAnnotation] = Convert.ToBase64String(signature) };
        return await PushManifestAsync(manifest, AccessoryTags.For(subject.Digest, ".sig"));
    }

    /// <summary>Cosign v3's referrer: a Sigstore bundle v0.3 holding a DSSE envelope over an in-toto statement.</summary>
    public async Task<ManifestUpload> PushCosignBundleAsync(
        Descriptor subject, ECDsa key, string? statementHex = null, bool corrupt = false, string predicateType = SignatureFormats.CosignSignPredicate)
    {
        var statement = new JsonObject
        {
            ["_type"] = "https://in-toto.io/Statement/v1",
            ["subject"] = new JsonArray(new JsonObject
            {
                ["name"] = $"localhost/{Repository}",
                ["digest"] = new JsonObject { ["sha256"] = statementHex ?? subject.Digest.Encoded },
            }),
            ["predicateType"] = predicateType,
            ["predicate"] = new JsonObject(),
        };
        var payload = Encoding.UTF8.GetBytes(statement.ToJsonString());
        var signature = key.SignData(SigstoreBundleVerifier.PreAuthenticationEncoding("application/vnd.in-toto+json", payload),
            HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (corrupt) signature[^1] ^= 0x55;
        var bundle = new JsonObject
        {
            ["mediaType"] = SignatureFormats.SigstoreBundle,
            ["verificationMaterial"] = new JsonObject { ["publicKey"] = new JsonObject { ["hint"] = "test" } },
            ["dsseEnvelope"] = new JsonObject
            {
                ["payload"] = Convert.ToBase64String(payload),
                ["payloadType"] = "application/vnd.in-toto+json",
                ["signatures"] = new JsonArray(new JsonObject { ["sig"] = Convert.ToBase64String(signature), ["keyid"] = "" }),
            },
        };
        var layer = await PutBlobAsync(Encoding.UTF8.GetBytes(bundle.ToJsonString()), SignatureFormats.SigstoreBundle);
        var config = await PutBlobAsync("{}"u8.ToArray(), SignatureFormats.EmptyConfig);
        var manifest = Manifest(config, [layer], SignatureFormats.SigstoreBundle, subject);
        manifest["annotations"] = new JsonObject
        {
            ["dev.sigstore.bundle.content"] = "dsse-envelope",
            [SignatureFormats.BundlePredicateTypeAnnotation] = predicateType,
        };
        return await PushManifestAsync(manifest, null);
    }

    /// <summary>
    /// Notation's referrer: a JWS envelope (JSON serialization) over the notation payload, signed by
    /// <paramref name="sign"/> with <paramref name="alg"/>; with <paramref name="legacyConfig"/> the type is only in the config.
    /// </summary>
    public async Task<ManifestUpload> PushNotationAsync(
        Descriptor subject, string alg, Func<byte[], byte[]> sign, string? targetDigest = null, bool corrupt = false,
        DateTimeOffset? expiry = null, bool legacyConfig = false, byte[]? certificate = null)
    {
        var header = new JsonObject
        {
            ["alg"] = alg,
            ["crit"] = expiry is null ? new JsonArray("io.cncf.notary.signingScheme") : new JsonArray("io.cncf.notary.signingScheme", "io.cncf.notary.expiry"),
            ["cty"] = "application/vnd.cncf.notary.payload.v1+json",
            ["io.cncf.notary.signingScheme"] = "notary.x509",
            ["io.cncf.notary.signingTime"] = "2026-01-01T00:00:00Z",
        };
        if (expiry is { } at) header["io.cncf.notary.expiry"] = at.ToString("yyyy-MM-ddTHH:mm:ssZ");
        var payload = new JsonObject
        {
            ["targetArtifact"] = new JsonObject
            {
                ["mediaType"] = subject.MediaType,
                ["digest"] = targetDigest ?? subject.Digest.ToString(),
                ["size"] = subject.Size,
            },
        };
        var protectedText = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString()));
        var payloadText = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = sign(Encoding.ASCII.GetBytes($"{protectedText}.{payloadText}"));
        if (corrupt) signature[^1] ^= 0x55;
        var envelope = new JsonObject
        {
            ["payload"] = payloadText,
            ["protected"] = protectedText,
            ["header"] = new JsonObject
            {
                ["x5c"] = new JsonArray(Convert.ToBase64String(certificate ?? [1, 2, 3])),
                ["io.cncf.notary.signingAgent"] = "berth-tests",
            },
            ["signature"] = Base64Url.EncodeToString(signature),
        };
        var layer = await PutBlobAsync(Encoding.UTF8.GetBytes(envelope.ToJsonString()), SignatureFormats.NotationJws);
        var config = legacyConfig
            ? await PutBlobAsync("{}"u8.ToArray(), SignatureFormats.NotationSignature)
            : await PutBlobAsync("{}"u8.ToArray(), SignatureFormats.EmptyConfig);
        var manifest = Manifest(config, [layer], legacyConfig ? null : SignatureFormats.NotationSignature, subject);
        manifest["annotations"] = new JsonObject { ["io.cncf.notary.x509chain.thumbprint#S256"] = "[\"00\"]" };
        return await PushManifestAsync(manifest, null);
    }

    public static JsonObject Manifest(Descriptor config, IReadOnlyList<Descriptor> layers, string? artifactType = null, Descriptor? subject = null)
    {
        var json = new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = MediaTypes.OciManifest };
        if (artifactType is not null) json["artifactType"] = artifactType;
        json["config"] = Describe(config);
        json["layers"] = new JsonArray(layers.Select(l => (JsonNode)Describe(l)).ToArray());
        if (subject is not null) json["subject"] = Describe(subject);
        return json;
    }

    private static JsonObject Describe(Descriptor descriptor) => new()
    {
        ["mediaType"] = descriptor.MediaType,
        ["digest"] = descriptor.Digest.ToString(),
        ["size"] = descriptor.Size,
    };

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
