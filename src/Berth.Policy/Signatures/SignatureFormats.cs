namespace Berth.Policy.Signatures;

/// <summary>
/// The media types, annotations and predicate that identify cosign and notation signatures in a registry
/// (cosign's SIGNATURE_SPEC, the Sigstore bundle, notaryproject's signature specification).
/// </summary>
public static class SignatureFormats
{
    /// <summary>A layer of a cosign <c>sha256-&lt;hex&gt;.sig</c> manifest: the blob is the signed payload.</summary>
    public const string SimpleSigningLayer = "application/vnd.dev.cosign.simplesigning.v1+json";

    /// <summary>The layer annotation holding the base64 signature over the simple-signing payload.</summary>
    public const string CosignSignatureAnnotation = "dev.cosignproject.cosign/signature";

    /// <summary>Cosign v3's referrer artifact type (and its one layer's media type).</summary>
    public const string SigstoreBundle = "application/vnd.dev.sigstore.bundle.v0.3+json";

    /// <summary>The manifest annotation cosign sets on a bundle referrer with the in-toto predicate type inside.</summary>
    public const string BundlePredicateTypeAnnotation = "dev.sigstore.bundle.predicateType";

    /// <summary>The predicate of a cosign image signature (anything else in a bundle is an attestation).</summary>
    public const string CosignSignPredicate = "https://sigstore.dev/cosign/sign/v1";

    /// <summary>Notation's artifact type, or its config media type when the client wrote no <c>artifactType</c>.</summary>
    public const string NotationSignature = "application/vnd.cncf.notary.signature";

    /// <summary>A notation signature envelope in JWS JSON serialization.</summary>
    public const string NotationJws = "application/jose+json";

    /// <summary>A notation signature envelope in COSE.</summary>
    public const string NotationCose = "application/cose";

    /// <summary>The OCI empty descriptor's media type, the config of every referrer artifact.</summary>
    public const string EmptyConfig = "application/vnd.oci.empty.v1+json";

    /// <summary>True for the Sigstore bundle media type in either spelling cosign has written.</summary>
    public static bool IsSigstoreBundle(string? mediaType) =>
        mediaType is not null && mediaType.StartsWith("application/vnd.dev.sigstore.bundle", StringComparison.Ordinal);
}
