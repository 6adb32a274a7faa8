namespace Berth.Scanning.Versions;

/// <summary>
/// The value of one apk version token: a small signed number (zero counts, suffix ranks, letter codes, short
/// digit runs) or, for digit runs too long for a long, their digits — which are larger than any small value.
/// </summary>
internal readonly record struct ApkTokenValue(long Value, string? LongDigits)
{
    public static readonly ApkTokenValue Zero = new(0, null);

    public static ApkTokenValue Small(long value) => new(value, null);

    public static ApkTokenValue Number(ReadOnlySpan<char> digits)
    {
        var significant = digits.TrimStart('0');
        if (significant.Length <= 18) return new(significant.IsEmpty ? 0 : long.Parse(significant, System.Globalization.CultureInfo.InvariantCulture), null);
        return new(long.MaxValue, significant.ToString());
    }

    public int CompareTo(ApkTokenValue other)
    {
        if (LongDigits is not null && other.LongDigits is not null) return Numerals.Compare(LongDigits, other.LongDigits);
        if (LongDigits is not null) return 1;
        if (other.LongDigits is not null) return -1;
        return Value.CompareTo(other.Value);
    }
}
