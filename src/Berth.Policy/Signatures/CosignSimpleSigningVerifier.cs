namespace Berth.Policy.Signatures;

/// <summary>
/// Verifies a legacy cosign <c>.sig</c> manifest: some layer's simple-signing payload names the subject in
/// <c>critical.image.docker-manifest-digest</c> (keys compared ignoring case, as the spec's example and cosign's code
/// differ) and its <c>dev.cosignproject.cosign/signature</c> annotation verifies over the payload with a trusted key.
/// </summary>
public sealed class CosignSimpleSigningVerifier(SignatureBlobs blobs)
{
    public async Task<SignatureVerification> VerifyAsync(
        ArtifactSubject subject, SignatureManifest signature, IReadOnlyList<TrustedKey> keys, CancellationToken cancellationToken)
    {
        var outcome = SignatureVerification.Refused("the signature manifest has no simple-signing layer with a signature");
        foreach (var layer in signature.Layers.Where(SignatureDiscovery.IsCosignSignatureLayer))
        {
            outcome = await VerifyLayerAsync(subject, layer, keys, cancellationToken);
            if (outcome.Verified) return outcome;
        }
        return outcome;
    }

    private async Task<SignatureVerification> VerifyLayerAsync(
        ArtifactSubject subject, SignatureLayer layer, IReadOnlyList<TrustedKey> keys, CancellationToken cancellationToken)
    {
        var payload = await blobs.ReadAsync(layer.Digest, cancellationToken);
        if (payload is null)
            return SignatureVerification.Refused($"the signed payload {layer.Digest} is missing or larger than {SignatureBlobs.MaxBytes / 1024} KiB");
        using (var document = SignatureJson.ParseObject(payload))
        {
            var named = document?.RootElement.PropertyIgnoringCase("critical")?.PropertyIgnoringCase("image")
                ?.PropertyIgnoringCase("docker-manifest-digest").String();
            if (named is null) return SignatureVerification.Refused("the signed payload has no critical.image.docker-manifest-digest");
            if (named != subject.Digest.ToString())
                return SignatureVerification.Refused($"the signed payload is for {named}, not {subject.Digest}");
        }
        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(layer.Annotations[SignatureFormats.CosignSignatureAnnotation]);
        }
        catch (FormatException)
        {
            return SignatureVerification.Refused($"the {SignatureFormats.CosignSignatureAnnotation} annotation is not base64");
        }
        return keys.Any(key => key.VerifyDerSignature(payload, signatureBytes))
            ? SignatureVerification.Ok
            : SignatureVerification.Refused(NoKeyVerifies(keys.Count, "cosign"));
    }

    internal static string NoKeyVerifies(int keys, string usage) =>
        $"the signature does not verify against the project's {keys} {usage} key{(keys == 1 ? "" : "s")}";
}
