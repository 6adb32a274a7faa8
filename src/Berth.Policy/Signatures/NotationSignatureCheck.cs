namespace Berth.Policy.Signatures;

/// <summary>Harbor's <c>enable_content_trust</c> (once Notary v1, now notation): refuse artifacts without a notation signature.</summary>
public sealed class NotationSignatureCheck(SignatureRequirement requirement)
    : SignatureCheck(requirement, SignatureKind.Notation, MetadataKey, order: 11)
{
    public const string MetadataKey = "enable_content_trust";
}
