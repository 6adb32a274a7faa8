namespace Berth.Policy.Signatures;

/// <summary>Which signing tool's signatures a content-trust rule asks for.</summary>
public enum SignatureKind
{
    Cosign,
    Notation,
}
