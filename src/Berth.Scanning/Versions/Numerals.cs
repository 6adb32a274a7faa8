namespace Berth.Scanning.Versions;

/// <summary>
/// Compares runs of ASCII decimal digits by value without converting them to a fixed-size integer, so a
/// 30-digit date stamp or a hostile 10,000-digit run orders correctly instead of overflowing.
/// </summary>
internal static class Numerals
{
    /// <summary>Negative, zero or positive as <paramref name="left"/>'s value is below, equal to or above <paramref name="right"/>'s.</summary>
    public static int Compare(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        left = left.TrimStart('0');
        right = right.TrimStart('0');
        if (left.Length != right.Length) return left.Length < right.Length ? -1 : 1;
        return Math.Sign(left.SequenceCompareTo(right));
    }

    /// <summary>True for a non-empty run of ASCII digits only.</summary>
    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    /// <summary>True when the digit run's value is zero (or the run is empty).</summary>
    public static bool IsZero(ReadOnlySpan<char> digits) => digits.TrimStart('0').IsEmpty;
}
