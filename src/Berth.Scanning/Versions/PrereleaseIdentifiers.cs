namespace Berth.Scanning.Versions;

/// <summary>
/// SemVer 2.0 §11 precedence of dot-separated pre-release identifiers, shared by the generic (go-version) and
/// npm schemes: all-digit identifiers compare by value and sort before alphanumeric ones, alphanumeric ones
/// compare ordinally, and a longer list wins when the shorter one is its prefix. An empty list means "no
/// pre-release", which sorts above every pre-release of the same release.
/// </summary>
internal static class PrereleaseIdentifiers
{
    public static int Compare(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        if (left.Count == 0 || right.Count == 0) return ReleaseAbovePrerelease(left.Count, right.Count);
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var result = CompareIdentifier(left[i], right[i]);
            if (result != 0) return result;
        }
        return Math.Sign(left.Count - right.Count);
    }

    /// <summary>At least one side has no pre-release: that side is the release and sorts last.</summary>
    private static int ReleaseAbovePrerelease(int leftCount, int rightCount)
    {
        if (leftCount == rightCount) return 0;
        return leftCount == 0 ? 1 : -1;
    }

    private static int CompareIdentifier(string left, string right)
    {
        var leftNumeric = Numerals.IsDigits(left);
        var rightNumeric = Numerals.IsDigits(right);
        if (leftNumeric && rightNumeric) return Numerals.Compare(left, right);
        if (leftNumeric) return -1;
        if (rightNumeric) return 1;
        return Math.Sign(string.CompareOrdinal(left, right));
    }
}
