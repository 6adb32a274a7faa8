using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Berth.Core;
using Berth.Metadata;

namespace Berth.Policy.Signatures;

/// <summary>
/// Verifies a cosign v3 referrer holding a Sigstore bundle (v0.3, protobuf JSON). A <c>dsseEnvelope</c> must be an
/// in-toto statement with cosign's signing predicate whose subject has the image's sha256, signed (over DSSE's
/// pre-authentication encoding) by a trusted key. A <c>messageSignature</c> carries only a digest of what was signed,
/// so it binds to the image only when that digest is the image's own: then the signature is checked over the stored
/// manifest bytes; any other message signature is refused. The transparency-log entries and certificates in
/// <c>verificationMaterial</c> are not used: trust comes from the project's keys alone.
/// </summary>
public sealed class SigstoreBundleVerifier(SignatureBlobs blobs, IRegistryMetadata metadata)
{
    private const string InTotoPayloadType = "application/vnd.in-toto+json";

    public async Task<SignatureVerification> VerifyAsync(
        ArtifactSubject subject, SignatureManifest signature, IReadOnlyList<TrustedKey> keys, CancellationToken cancellationToken)
    {
        var layer = signature.Layers.FirstOrDefault(l => SignatureFormats.IsSigstoreBundle(l.MediaType));
        if (layer is null) return SignatureVerification.Refused("the referrer has no Sigstore bundle layer");
        var content = await blobs.ReadAsync(layer.Digest, cancellationToken);
        if (content is null)
            return SignatureVerification.Refused($"the bundle {layer.Digest} is missing or larger than {SignatureBlobs.MaxBytes / 1024} KiB");
        using var document = SignatureJson.ParseObject(content);
        if (document is null) return SignatureVerification.Refused("the bundle is not a JSON object");
        var bundle = document.RootElement;
        if (bundle.Property("dsseEnvelope", "dsse_envelope") is { } envelope) return VerifyEnvelope(subject, envelope, keys);
        if (bundle.Property("messageSignature", "message_signature") is { } message)
            return await VerifyMessageAsync(subject, message, keys, cancellationToken);
        return SignatureVerification.Refused("the bundle holds neither a dsseEnvelope nor a messageSignature");
    }

    private static SignatureVerification VerifyEnvelope(ArtifactSubject subject, JsonElement envelope, IReadOnlyList<TrustedKey> keys)
    {
        var payloadType = envelope.Property("payloadType", "payload_type").String();
        var payload = envelope.Property("payload").Base64();
        if (payloadType != InTotoPayloadType || payload is null)
            return SignatureVerification.Refused($"the DSSE envelope is not an in-toto statement (payloadType {payloadType ?? "missing"})");
        var binding = CheckStatement(subject, payload);
        if (!binding.Verified) return binding;

        var signed = PreAuthenticationEncoding(payloadType, payload);
        var signatures = envelope.Property("signatures") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [];
        foreach (var entry in signatures)
        {
            if (entry.Property("sig").Base64() is { } sig && keys.Any(key => key.VerifyDerSignature(signed, sig)))
                return SignatureVerification.Ok;
        }
        return SignatureVerification.Refused(CosignSimpleSigningVerifier.NoKeyVerifies(keys.Count, "cosign"));
    }

    /// <summary>The statement must be cosign's image signature and name the subject's sha256 among its subjects.</summary>
    private static SignatureVerification CheckStatement(ArtifactSubject subject, byte[] payload)
    {
        using var document = SignatureJson.ParseObject(payload);
        if (document is null) return SignatureVerification.Refused("the in-toto statement is not a JSON object");
        var statement = document.RootElement;
        if (statement.Property("_type").String() is not { } type || !type.StartsWith("https://in-toto.io/Statement/", StringComparison.Ordinal))
            return SignatureVerification.Refused("the DSSE payload is not an in-toto statement");
        var predicate = statement.Property("predicateType").String();
        if (predicate != SignatureFormats.CosignSignPredicate)
            return SignatureVerification.Refused($"the statement's predicate {predicate ?? "(none)"} is an attestation, not a cosign signature");
        if (subject.Digest.Algorithm != Digest.Sha256) return SignatureVerification.Refused("only sha256 subjects can be bound to a statement");
        var subjects = statement.Property("subject") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray() : default;
        foreach (var entry in subjects)
        {
            if (entry.Property("digest").Property("sha256").String() is { } hex
                && string.Equals(hex, subject.Digest.Encoded, StringComparison.OrdinalIgnoreCase))
            {
                return SignatureVerification.Ok;
            }
        }
        return SignatureVerification.Refused($"the signed statement does not name {subject.Digest}");
    }

    private async Task<SignatureVerification> VerifyMessageAsync(
        ArtifactSubject subject, JsonElement message, IReadOnlyList<TrustedKey> keys, CancellationToken cancellationToken)
    {
        var messageDigest = message.Property("messageDigest", "message_digest");
        var algorithm = messageDigest.Property("algorithm").String();
        var digest = messageDigest.Property("digest").Base64();
        var signature = message.Property("signature").Base64();
        if (signature is null) return SignatureVerification.Refused("the message signature has no signature");
        if (algorithm != "SHA2_256" || subject.Digest.Algorithm != Digest.Sha256 || digest is null
            || !digest.AsSpan().SequenceEqual(Convert.FromHexString(subject.Digest.Encoded)))
        {
            return SignatureVerification.Refused("the message signature is over something other than the image manifest, so it cannot be bound to the image");
        }
        var manifest = await metadata.FindManifestAsync(subject.Repository, subject.Digest.ToString(), cancellationToken);
        if (manifest is null || !SHA256.HashData(manifest.Content).AsSpan().SequenceEqual(digest))
            return SignatureVerification.Refused($"the image manifest {subject.Digest} is not in {subject.Repository}");
        return keys.Any(key => key.VerifyDerSignature(manifest.Content, signature))
            ? SignatureVerification.Ok
            : SignatureVerification.Refused(CosignSimpleSigningVerifier.NoKeyVerifies(keys.Count, "cosign"));
    }

    /// <summary>DSSE v1: <c>"DSSEv1" SP len(type) SP type SP len(body) SP body</c>, lengths in ASCII decimal bytes.</summary>
    public static byte[] PreAuthenticationEncoding(string payloadType, byte[] payload)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        var header = Encoding.ASCII.GetBytes($"DSSEv1 {type.Length} ");
        var middle = Encoding.ASCII.GetBytes($" {payload.Length} ");
        return [.. header, .. type, .. middle, .. payload];
    }
}
