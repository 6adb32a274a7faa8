namespace Berth.Policy.Immutability;

/// <summary>
/// The pattern of one path component (between slashes), or the globstar <c>**</c> standing alone, which matches any
/// number of whole components.
/// </summary>
internal sealed class GlobSegment
{
    private readonly GlobToken[] _tokens;

    private GlobSegment(GlobToken[] tokens, bool isGlobstar)
    {
        _tokens = tokens;
        IsGlobstar = isGlobstar;
    }

    public bool IsGlobstar { get; }

    public static GlobSegment Globstar { get; } = new([], isGlobstar: true);

    public static GlobSegment Of(IReadOnlyList<GlobToken> tokens)
    {
        // Adjacent stars match what one star does ("a**b" is "a*b", as doublestar treats a mid-component "**").
        var merged = new List<GlobToken>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Kind == GlobTokenKind.Star && merged.Count > 0 && merged[^1].Kind == GlobTokenKind.Star) continue;
            merged.Add(token);
        }
        return new GlobSegment([.. merged], isGlobstar: false);
    }

    /// <summary>
    /// Whether the component matches. A star backtracks only to the last star seen, which is enough because each
    /// other token consumes exactly one code point; the cost stays linear in practice.
    /// </summary>
    public bool Matches(ReadOnlySpan<int> name)
    {
        int p = 0, n = 0, starAt = -1, starName = 0;
        while (n < name.Length)
        {
            if (p < _tokens.Length && _tokens[p].Kind == GlobTokenKind.Star)
            {
                starAt = p++;
                starName = n;
            }
            else if (p < _tokens.Length && _tokens[p].Accepts(name[n]))
            {
                p++;
                n++;
            }
            else if (starAt >= 0)
            {
                p = starAt + 1;
                n = ++starName;
            }
            else
            {
                return false;
            }
        }
        while (p < _tokens.Length && _tokens[p].Kind == GlobTokenKind.Star) p++;
        return p == _tokens.Length;
    }
}
