namespace Berth.Policy.Signatures;

/// <summary>The usage names a trusted key is stored and shown under (<c>cosign</c>, <c>notation</c>).</summary>
public static class SignatureKindNames
{
    public const string Cosign = "cosign";
    public const string Notation = "notation";

    public static string Of(SignatureKind kind) => kind == SignatureKind.Cosign ? Cosign : Notation;

    public static SignatureKind? Parse(string? usage) => usage switch
    {
        Cosign => SignatureKind.Cosign,
        Notation => SignatureKind.Notation,
        _ => null,
    };
}
