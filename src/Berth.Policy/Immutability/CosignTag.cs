namespace Berth.Policy.Immutability;

/// <summary>
/// The tags cosign attaches to an image: <c>sha256-&lt;64 hex&gt;.sig</c>, <c>.att</c> and <c>.sbom</c>. Signing tools
/// push them again whenever they add a signature, so no immutability rule holds them.
/// </summary>
public static class CosignTag
{
    private const string Prefix = "sha256-";

    public static bool IsCosignTag(string tag)
    {
        var dot = tag.LastIndexOf('.');
        if (dot != Prefix.Length + 64 || !tag.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var suffix = tag.AsSpan(dot + 1);
        if (suffix is not ("sig" or "att" or "sbom")) return false;
        foreach (var c in tag.AsSpan(Prefix.Length, 64))
        {
            if (!char.IsAsciiHexDigitLower(c)) return false;
        }
        return true;
    }
}
