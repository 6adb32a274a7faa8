namespace Berth.Scanning.Versions;

/// <summary>
/// A Debian version split into its parts: <c>[epoch:]upstream[-revision]</c>. The epoch is the number before the
/// first <c>:</c> (0 when absent), the revision what follows the last <c>-</c> (empty when absent).
/// </summary>
public readonly record struct DpkgVersion(int Epoch, string Upstream, string Revision)
{
    /// <summary>
    /// Splits and checks <paramref name="version"/> (surrounding whitespace ignored): the epoch must be a
    /// non-negative int32, the upstream part must start with a digit and use <c>[A-Za-z0-9.+~:_-]</c>, the
    /// revision <c>[A-Za-z0-9+.~_]</c>. Null when any rule is broken.
    /// </summary>
    public static DpkgVersion? Parse(string version)
    {
        var text = version.AsSpan().Trim();
        var epoch = 0;
        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            var epochText = text[..colon];
            if (!Numerals.IsDigits(epochText) || Numerals.Compare(epochText, "2147483647") > 0) return null;
            epoch = int.Parse(epochText, System.Globalization.CultureInfo.InvariantCulture);
            text = text[(colon + 1)..];
        }

        var revision = ReadOnlySpan<char>.Empty;
        var dash = text.LastIndexOf('-');
        if (dash >= 0)
        {
            revision = text[(dash + 1)..];
            text = text[..dash];
        }

        if (text.IsEmpty || !char.IsAsciiDigit(text[0])) return null;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~' or ':' or '_' or '-')) return null;
        }
        foreach (var c in revision)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~' or '_')) return null;
        }
        return new DpkgVersion(epoch, text.ToString(), revision.ToString());
    }
}
