namespace Berth.Scanning.Versions;

/// <summary>
/// A PEP 440 version reduced to its sort key (pypa/packaging's <c>_cmpkey</c>). Numbers stay digit strings
/// compared by value, so no length of number can overflow.
/// </summary>
/// <param name="Epoch">The <c>N!</c> epoch, "0" when absent.</param>
/// <param name="Release">Release numbers with trailing zeros removed (<c>1.0.0</c> keys as <c>1</c>).</param>
/// <param name="PreLabel"><c>a</c>, <c>b</c> or <c>rc</c> after normalisation; null when there is no pre-release.</param>
/// <param name="PreNumber">The pre-release number ("0" when written without one).</param>
/// <param name="Post">The post-release number, null when absent.</param>
/// <param name="Dev">The dev-release number, null when absent.</param>
/// <param name="Local">Lower-cased local segments (<c>+ubuntu.1</c> → [ubuntu, 1]), null when absent.</param>
internal sealed record Pep440Version(
    string Epoch,
    IReadOnlyList<string> Release,
    string? PreLabel,
    string PreNumber,
    string? Post,
    string? Dev,
    IReadOnlyList<string>? Local)
{
    public int CompareTo(Pep440Version other)
    {
        var result = Numerals.Compare(Epoch, other.Epoch);
        if (result != 0) return result;
        result = CompareRelease(Release, other.Release);
        if (result != 0) return result;
        result = ComparePre(other);
        if (result != 0) return result;
        // No post-release sorts below any post-release.
        result = CompareOptional(Post, other.Post, absentIsHighest: false);
        if (result != 0) return result;
        // No dev-release sorts above any dev-release.
        result = CompareOptional(Dev, other.Dev, absentIsHighest: true);
        if (result != 0) return result;
        return CompareLocal(Local, other.Local);
    }

    /// <summary>
    /// A dev release with neither pre nor post sorts before every pre-release of its release (<c>1.0.dev1 &lt;
    /// 1.0a1</c>); otherwise no pre-release sorts after every pre-release.
    /// </summary>
    private int PreRank => PreLabel is not null ? 0 : Post is null && Dev is not null ? -1 : 1;

    private int ComparePre(Pep440Version other)
    {
        if (PreRank != other.PreRank) return PreRank < other.PreRank ? -1 : 1;
        if (PreRank != 0) return 0;
        var result = Math.Sign(string.CompareOrdinal(PreLabel, other.PreLabel));
        return result != 0 ? result : Numerals.Compare(PreNumber, other.PreNumber);
    }

    private static int CompareRelease(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var result = Numerals.Compare(left[i], right[i]);
            if (result != 0) return result;
        }
        return Math.Sign(left.Count - right.Count);
    }

    private static int CompareOptional(string? left, string? right, bool absentIsHighest)
    {
        if (left is null && right is null) return 0;
        if (left is null) return absentIsHighest ? 1 : -1;
        if (right is null) return absentIsHighest ? -1 : 1;
        return Numerals.Compare(left, right);
    }

    /// <summary>No local part sorts first; numeric segments sort above text ones; a longer list wins a tie.</summary>
    private static int CompareLocal(IReadOnlyList<string>? left, IReadOnlyList<string>? right)
    {
        if (left is null || right is null) return left is null ? (right is null ? 0 : -1) : 1;
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var leftNumeric = Numerals.IsDigits(left[i]);
            var rightNumeric = Numerals.IsDigits(right[i]);
            var result = leftNumeric && rightNumeric ? Numerals.Compare(left[i], right[i])
                : leftNumeric ? 1
                : rightNumeric ? -1
                : Math.Sign(string.CompareOrdinal(left[i], right[i]));
            if (result != 0) return result;
        }
        return Math.Sign(left.Count - right.Count);
    }
}
