using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Berth.Policy.Signatures;

/// <summary>
/// Verifies a notation signature in JWS JSON serialization (<c>application/jose+json</c>): the protected header's
/// <c>alg</c> (PS256/384/512, ES256/384/512) with a trusted key (a configured certificate's public key is the x5c
/// leaf's when it is that certificate), every <c>crit</c> header understood, <c>io.cncf.notary.expiry</c> not passed,
/// and the payload's <c>targetArtifact.digest</c> the subject. COSE envelopes are refused: Berth does not parse CBOR.
/// </summary>
public sealed class NotationJwsVerifier(SignatureBlobs blobs, TimeProvider time)
{
    private const string PayloadContentType = "application/vnd.cncf.notary.payload.v1+json";
    private const string Expiry = "io.cncf.notary.expiry";

    /// <summary>Critical headers whose meaning is honoured here; a plugin requirement cannot be, so it refuses.</summary>
    private static readonly HashSet<string> Understood = ["io.cncf.notary.signingScheme", Expiry, "io.cncf.notary.authenticSigningTime"];

    public async Task<SignatureVerification> VerifyAsync(
        ArtifactSubject subject, SignatureManifest signature, IReadOnlyList<TrustedKey> keys, CancellationToken cancellationToken)
    {
        var outcome = SignatureVerification.Refused("the notation signature has no envelope layer");
        foreach (var layer in signature.Layers)
        {
            if (layer.MediaType == SignatureFormats.NotationCose)
            {
                outcome = SignatureVerification.Refused("COSE envelopes are not verified by Berth: sign with notation's --signature-format jws");
                continue;
            }
            if (layer.MediaType != SignatureFormats.NotationJws) continue;
            var content = await blobs.ReadAsync(layer.Digest, cancellationToken);
            outcome = content is null
                ? SignatureVerification.Refused($"the envelope {layer.Digest} is missing or larger than {SignatureBlobs.MaxBytes / 1024} KiB")
                : VerifyEnvelope(subject, content, keys);
            if (outcome.Verified) return outcome;
        }
        return outcome;
    }

    private SignatureVerification VerifyEnvelope(ArtifactSubject subject, byte[] content, IReadOnlyList<TrustedKey> keys)
    {
        using var document = SignatureJson.ParseObject(content);
        if (document is null) return SignatureVerification.Refused("the JWS envelope is not a JSON object");
        var root = document.RootElement;
        var protectedText = root.Property("protected").String();
        var payloadText = root.Property("payload").String();
        var signature = Decode(root.Property("signature").String());
        var header = Decode(protectedText);
        var payload = Decode(payloadText);
        if (protectedText is null || payloadText is null || header is null || payload is null || signature is null)
            return SignatureVerification.Refused("the JWS envelope lacks a base64url protected header, payload or signature");

        using var headerDocument = SignatureJson.ParseObject(header);
        if (headerDocument is null) return SignatureVerification.Refused("the JWS protected header is not a JSON object");
        var protectedHeader = headerDocument.RootElement;
        var alg = protectedHeader.Property("alg").String();
        if (alg is not ("PS256" or "PS384" or "PS512" or "ES256" or "ES384" or "ES512"))
            return SignatureVerification.Refused($"the JWS algorithm {alg ?? "(none)"} is not one notation signs with");
        if (protectedHeader.Property("cty").String() != PayloadContentType)
            return SignatureVerification.Refused($"the JWS content type is not {PayloadContentType}");
        var critical = protectedHeader.Property("crit") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : "").ToList()
            : [];
        if (critical.FirstOrDefault(c => !Understood.Contains(c)) is { } unknown)
            return SignatureVerification.Refused($"the JWS requires the critical header {unknown}, which Berth cannot honour");
        if (protectedHeader.Property(Expiry).String() is { } expiry)
        {
            if (!DateTimeOffset.TryParse(expiry, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
                return SignatureVerification.Refused($"the JWS expiry {expiry} is not a time");
            if (time.GetUtcNow() >= expires) return SignatureVerification.Refused($"the notation signature expired at {expiry}");
        }

        using (var payloadDocument = SignatureJson.ParseObject(payload))
        {
            var target = payloadDocument?.RootElement.Property("targetArtifact").Property("digest").String();
            if (target != subject.Digest.ToString())
                return SignatureVerification.Refused($"the notation signature is for {target ?? "(no target)"}, not {subject.Digest}");
        }
        var signingInput = Encoding.ASCII.GetBytes($"{protectedText}.{payloadText}");
        return keys.Any(key => key.VerifyJws(alg, signingInput, signature))
            ? SignatureVerification.Ok
            : SignatureVerification.Refused(CosignSimpleSigningVerifier.NoKeyVerifies(keys.Count, "notation"));
    }

    private static byte[]? Decode(string? base64Url)
    {
        if (base64Url is null) return null;
        try
        {
            return Base64Url.DecodeFromChars(base64Url);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
