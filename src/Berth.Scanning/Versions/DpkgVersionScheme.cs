namespace Berth.Scanning.Versions;

/// <summary>
/// Debian and Ubuntu package versions, <c>[epoch:]upstream[-revision]</c>, ordered as Debian Policy §5.6.12 and
/// dpkg's <c>verrevcmp</c> say. The epoch is the non-negative number before the first <c>:</c> (at most
/// int32, as dpkg allows); the revision is what follows the last <c>-</c>; the upstream part must start with a
/// digit and use <c>[A-Za-z0-9.+~:_-]</c>, the revision <c>[A-Za-z0-9+.~_]</c> (the go-deb-version rules Trivy
/// uses). Epochs compare as numbers, then upstream and revision with <c>verrevcmp</c>: alternating non-digit
/// runs, compared character by character with <c>~</c> below the end of the string below letters below every
/// other character, and digit runs compared by value (of any length). So <c>1.0~rc1 &lt; 1.0 &lt; 1.0+b1</c>,
/// <c>1.2~~ &lt; 1.2~</c>, and a missing revision equals <c>-0</c>.
/// Unreadable versions: see <see cref="UnreadableVersions"/>.
/// </summary>
public sealed class DpkgVersionScheme : IVersionScheme
{
    public string Name => "dpkg";

    public bool IsValid(string version) => DpkgVersion.Parse(version) is not null;

    public int Compare(string left, string right)
    {
        if (DpkgVersion.Parse(left) is not { } l || DpkgVersion.Parse(right) is not { } r)
        {
            return UnreadableVersions.Compare(IsValid(left), IsValid(right), left, right);
        }
        if (l.Epoch != r.Epoch) return l.Epoch < r.Epoch ? -1 : 1;
        var result = CompareFragment(l.Upstream, r.Upstream);
        return result != 0 ? result : CompareFragment(l.Revision, r.Revision);
    }

    /// <summary>dpkg's <c>verrevcmp</c> over an upstream version or a revision.</summary>
    private static int CompareFragment(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            // Non-digit run: character by character until both sides reach a digit or their end.
            while ((i < left.Length && !char.IsAsciiDigit(left[i])) || (j < right.Length && !char.IsAsciiDigit(right[j])))
            {
                var l = Weight(left, i);
                var r = Weight(right, j);
                if (l != r) return l < r ? -1 : 1;
                i++;
                j++;
            }

            var leftStart = i;
            while (i < left.Length && char.IsAsciiDigit(left[i])) i++;
            var rightStart = j;
            while (j < right.Length && char.IsAsciiDigit(right[j])) j++;
            var result = Numerals.Compare(left[leftStart..i], right[rightStart..j]);
            if (result != 0) return result;
        }
        return 0;
    }

    /// <summary>Sort weight of the character at <paramref name="index"/>: <c>~</c> &lt; end or digit &lt; letters &lt; everything else.</summary>
    private static int Weight(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length) return 0;
        var c = text[index];
        if (char.IsAsciiDigit(c)) return 0;
        if (char.IsAsciiLetter(c)) return c;
        if (c == '~') return -1;
        return c + 256;
    }
}
