namespace Berth.Policy.Immutability;

/// <summary>
/// One element of a path component's pattern: a literal code point, <c>?</c>, <c>*</c>, or a character class given
/// as inclusive ranges (a single character is a range of one).
/// </summary>
internal readonly record struct GlobToken(GlobTokenKind Kind, int Rune, (int Low, int High)[]? Ranges, bool Negated)
{
    public static GlobToken Literal(int rune) => new(GlobTokenKind.Literal, rune, null, false);

    public static GlobToken Any { get; } = new(GlobTokenKind.Any, 0, null, false);

    public static GlobToken Star { get; } = new(GlobTokenKind.Star, 0, null, false);

    public static GlobToken Class((int Low, int High)[] ranges, bool negated) => new(GlobTokenKind.Class, 0, ranges, negated);

    /// <summary>Whether this single-character token accepts <paramref name="rune"/> (never called for a star).</summary>
    public bool Accepts(int rune) => Kind switch
    {
        GlobTokenKind.Literal => Rune == rune,
        GlobTokenKind.Any => true,
        GlobTokenKind.Class => Ranges!.Any(r => r.Low <= rune && rune <= r.High) != Negated,
        _ => false,
    };
}

internal enum GlobTokenKind
{
    Literal,
    Any,
    Star,
    Class,
}
