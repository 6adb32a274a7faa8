using Berth.Core;

namespace Berth.Metadata.Artifacts;

/// <summary>
/// Cosign's tag-based accessories of a digest (its SIGNATURE_SPEC): <c>sha256-&lt;hex&gt;.sig</c>, <c>.att</c> and
/// <c>.sbom</c> in the subject's repository.
/// </summary>
public static class AccessoryTags
{
    public static readonly IReadOnlyList<string> Suffixes = [".sig", ".att", ".sbom"];

    /// <summary>The tag for <paramref name="subject"/> with <paramref name="suffix"/> (".sig", ".att", ".sbom").</summary>
    public static string For(Digest subject, string suffix) => $"{subject.Algorithm}-{subject.Encoded}{suffix}";

    public static IEnumerable<string> AllFor(Digest subject) => Suffixes.Select(suffix => For(subject, suffix));

    /// <summary>True when <paramref name="tag"/> has the shape of a cosign accessory tag of some digest.</summary>
    public static bool IsAccessoryTag(string tag) =>
        Suffixes.Any(suffix => tag.EndsWith(suffix, StringComparison.Ordinal)) && tag.StartsWith("sha256-", StringComparison.Ordinal);
}
