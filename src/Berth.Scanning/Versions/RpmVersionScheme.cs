namespace Berth.Scanning.Versions;

/// <summary>
/// RPM versions <c>[epoch:]version[-release]</c> (RHEL and rebuilds, Fedora, SUSE, Amazon, …) as rpm's
/// <c>rpmvercmp</c> orders them, through Trivy's go-rpm-version: the epoch compares as a number (0 when absent,
/// and, as go-rpm-version does, when it is not a number), then version and release each with rpmvercmp, the
/// release being everything after the first <c>-</c>. rpmvercmp walks maximal digit or letter segments,
/// skipping other characters (<c>2.0 == 2_0</c>); a numeric segment beats an alphabetic one
/// (<c>6.0.rc1 &gt; 6.0</c>, unlike dpkg), numbers compare by value, letters by ASCII; <c>~</c> sorts before
/// anything, even the end (<c>1.0~rc1 &lt; 1.0</c>), and <c>^</c> sorts after the end but before any further
/// segment (<c>1.0 &lt; 1.0^git1 &lt; 1.0.1</c>). When all segments tie, the side with segments left wins.
/// rpmvercmp accepts any string, so Compare never needs a fallback: a version <see cref="IsValid"/> rejects
/// (empty, whitespace inside, a non-numeric epoch, no letter or digit) is still compared this way.
/// </summary>
public sealed class RpmVersionScheme : IVersionScheme
{
    public string Name => "rpm";

    public bool IsValid(string version)
    {
        var text = version.AsSpan().Trim();
        if (text.IsEmpty) return false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) return false;
        }
        var colon = text.IndexOf(':');
        if (colon >= 0 && !Numerals.IsDigits(text[..colon])) return false;
        var rest = text[(colon + 1)..];
        var dash = rest.IndexOf('-');
        var versionPart = dash >= 0 ? rest[..dash] : rest;
        foreach (var c in versionPart)
        {
            if (char.IsAsciiLetterOrDigit(c)) return true;
        }
        return false;
    }

    public int Compare(string left, string right)
    {
        var (leftEpoch, leftVersion, leftRelease) = Split(left.AsSpan().Trim());
        var (rightEpoch, rightVersion, rightRelease) = Split(right.AsSpan().Trim());
        var result = Numerals.Compare(leftEpoch, rightEpoch);
        if (result != 0) return result;
        result = CompareSegments(leftVersion, rightVersion);
        return result != 0 ? result : CompareSegments(leftRelease, rightRelease);
    }

    private static (string Epoch, string Version, string Release) Split(ReadOnlySpan<char> text)
    {
        var epoch = "0";
        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            if (Numerals.IsDigits(text[..colon])) epoch = text[..colon].ToString();
            text = text[(colon + 1)..];
        }
        var dash = text.IndexOf('-');
        return dash >= 0 ? (epoch, text[..dash].ToString(), text[(dash + 1)..].ToString()) : (epoch, text.ToString(), "");
    }

    /// <summary>rpm's <c>rpmvercmp</c>.</summary>
    private static int CompareSegments(ReadOnlySpan<char> one, ReadOnlySpan<char> two)
    {
        if (one.SequenceEqual(two)) return 0;
        while (!one.IsEmpty || !two.IsEmpty)
        {
            one = SkipSeparators(one);
            two = SkipSeparators(two);

            // Tilde: sorts before everything, the end of the string included.
            if (StartsWith(one, '~') || StartsWith(two, '~'))
            {
                if (!StartsWith(one, '~')) return 1;
                if (!StartsWith(two, '~')) return -1;
                one = one[1..];
                two = two[1..];
                continue;
            }

            // Caret: like tilde, except that the end of the string sorts before it.
            if (StartsWith(one, '^') || StartsWith(two, '^'))
            {
                if (one.IsEmpty) return -1;
                if (two.IsEmpty) return 1;
                if (!StartsWith(one, '^')) return 1;
                if (!StartsWith(two, '^')) return -1;
                one = one[1..];
                two = two[1..];
                continue;
            }

            if (one.IsEmpty || two.IsEmpty) break;

            var numeric = char.IsAsciiDigit(one[0]);
            var oneLength = SegmentLength(one, numeric);
            var twoLength = SegmentLength(two, numeric);
            // Segments of different types: the numeric one is newer.
            if (twoLength == 0) return numeric ? 1 : -1;

            var result = numeric
                ? Numerals.Compare(one[..oneLength], two[..twoLength])
                : Math.Sign(one[..oneLength].SequenceCompareTo(two[..twoLength]));
            if (result != 0) return result;
            one = one[oneLength..];
            two = two[twoLength..];
        }

        if (one.IsEmpty && two.IsEmpty) return 0;
        return one.IsEmpty ? -1 : 1;
    }

    private static ReadOnlySpan<char> SkipSeparators(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && !char.IsAsciiLetterOrDigit(text[i]) && text[i] is not ('~' or '^')) i++;
        return text[i..];
    }

    private static int SegmentLength(ReadOnlySpan<char> text, bool numeric)
    {
        var i = 0;
        while (i < text.Length && (numeric ? char.IsAsciiDigit(text[i]) : char.IsAsciiLetter(text[i]))) i++;
        return i;
    }

    private static bool StartsWith(ReadOnlySpan<char> text, char c) => !text.IsEmpty && text[0] == c;
}
