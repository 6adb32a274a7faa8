namespace Berth.Scanning.Versions;

/// <summary>
/// A parsed semver-like version: numeric release segments and pre-release identifiers; build metadata is
/// already dropped because it never affects precedence.
/// </summary>
/// <param name="Release">Digit runs of the release segments, as written (leading zeros kept, compared by value).</param>
/// <param name="Prerelease">Dot-separated pre-release identifiers; empty for a release.</param>
internal sealed record SemverLikeVersion(IReadOnlyList<string> Release, IReadOnlyList<string> Prerelease)
{
    /// <summary>
    /// Release segments compare by value with missing segments read as zero (<c>1.2 == 1.2.0.0</c>); on a tie the
    /// pre-release decides, a release sorting above its pre-releases.
    /// </summary>
    public int CompareTo(SemverLikeVersion other)
    {
        var length = Math.Max(Release.Count, other.Release.Count);
        for (var i = 0; i < length; i++)
        {
            var left = i < Release.Count ? Release[i] : "0";
            var right = i < other.Release.Count ? other.Release[i] : "0";
            var result = Numerals.Compare(left, right);
            if (result != 0) return result;
        }
        return PrereleaseIdentifiers.Compare(Prerelease, other.Prerelease);
    }
}
