namespace Berth.Scanning.Versions;

/// <summary>
/// The order every scheme gives versions it cannot read, so that <see cref="IVersionScheme.Compare"/> stays a
/// total, deterministic order and never throws: an unreadable version sorts below every readable one, and two
/// unreadable versions compare ordinally (byte by byte, case-sensitive). Callers that must not guess check
/// <see cref="IVersionScheme.IsValid"/> first.
/// </summary>
internal static class UnreadableVersions
{
    /// <summary>Parses both sides and compares them, falling back to the unreadable order when either side fails.</summary>
    public static int Compare<TVersion>(string left, string right, Func<string, TVersion?> parse, Func<TVersion, TVersion, int> compare)
        where TVersion : class
    {
        var l = parse(left);
        var r = parse(right);
        return l is null || r is null ? Compare(l is not null, r is not null, left, right) : compare(l, r);
    }

    public static int Compare(bool leftReadable, bool rightReadable, string left, string right)
    {
        if (leftReadable && !rightReadable) return 1;
        if (!leftReadable && rightReadable) return -1;
        return Math.Sign(string.CompareOrdinal(left, right));
    }
}
