using System.Text.RegularExpressions;

namespace Berth.Scanning.Versions;

/// <summary>
/// RubyGems versions as <c>Gem::Version</c> orders them (Trivy uses go-gem-version, a port of it). Valid:
/// <c>N(.X)*(-X(.X)*)?</c> with alphanumeric parts, surrounding whitespace ignored, blank meaning "0". A
/// <c>-</c> reads as <c>.pre.</c>; the version splits into digit runs and letter runs (<c>1.2.b1</c> → 1, 2, b, 1);
/// trailing zeros are dropped from the leading numeric segments and from the rest; then segments compare in
/// turn, missing ones as 0, numbers by value, words ordinally, and a word below any number — so any version
/// with a letter is a pre-release (<c>1.0.a &lt; 1.0</c>, <c>1.0.0-1 &lt; 1</c>). Like RubyGems and unlike the Go
/// port (which splits words into single letters), letter runs stay whole: <c>1.0.b1 &lt; 1.0.beta1</c>.
/// Unreadable versions: see <see cref="UnreadableVersions"/>.
/// </summary>
public sealed partial class GemVersionScheme : IVersionScheme
{
    public string Name => "gem";

    public bool IsValid(string version) => Parse(version) is not null;

    public int Compare(string left, string right)
    {
        var l = Parse(left);
        var r = Parse(right);
        if (l is null || r is null) return UnreadableVersions.Compare(l is not null, r is not null, left, right);
        for (var i = 0; i < Math.Max(l.Count, r.Count); i++)
        {
            var a = i < l.Count ? l[i] : "0";
            var b = i < r.Count ? r[i] : "0";
            var aNumber = char.IsAsciiDigit(a[0]);
            var bNumber = char.IsAsciiDigit(b[0]);
            var result = aNumber && bNumber ? Numerals.Compare(a, b)
                : aNumber ? 1
                : bNumber ? -1
                : Math.Sign(string.CompareOrdinal(a, b));
            if (result != 0) return result;
        }
        return 0;
    }

    /// <summary>The canonical segments (digit runs or letter runs); null when the version is not valid.</summary>
    internal static IReadOnlyList<string>? Parse(string version)
    {
        var match = Grammar().Match(version);
        if (!match.Success) return null;
        var text = match.Groups[1].Success ? match.Groups[1].Value.Replace("-", ".pre.", StringComparison.Ordinal) : "0";

        var segments = Segment().Matches(text).Select(m => m.Value).ToList();
        var firstWord = segments.FindIndex(s => !char.IsAsciiDigit(s[0]));
        var numeric = firstWord < 0 ? segments : segments[..firstWord];
        var rest = firstWord < 0 ? [] : segments[firstWord..];
        return [.. WithoutTrailingZeros(numeric), .. WithoutTrailingZeros(rest)];
    }

    private static List<string> WithoutTrailingZeros(List<string> segments)
    {
        var kept = segments.Count;
        while (kept > 0 && char.IsAsciiDigit(segments[kept - 1][0]) && Numerals.IsZero(segments[kept - 1])) kept--;
        return segments[..kept];
    }

    // Gem::Version::ANCHORED_VERSION_PATTERN; every repeated part is delimited, so matching stays linear.
    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    [GeneratedRegex("[0-9]+|[a-zA-Z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
