namespace Berth.Policy.Signatures;

/// <summary>Harbor's <c>enable_content_trust_cosign</c>: refuse artifacts without a cosign signature (checked first).</summary>
public sealed class CosignSignatureCheck(SignatureRequirement requirement)
    : SignatureCheck(requirement, SignatureKind.Cosign, MetadataKey, order: 10)
{
    public const string MetadataKey = "enable_content_trust_cosign";
}
