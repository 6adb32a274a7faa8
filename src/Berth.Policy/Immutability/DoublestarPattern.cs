namespace Berth.Policy.Immutability;

/// <summary>
/// A doublestar glob, as Harbor's immutability and retention selectors use them, matched against a slash-separated
/// name (a repository path within its project, or a tag). <c>*</c> and <c>?</c> stay within one path component;
/// <c>**</c> standing alone as a component matches any number of whole components (at least one when it ends the
/// pattern, so <c>a/**</c> does not match <c>a</c>, as in the doublestar version Harbor uses). Matching is case-sensitive
/// and covers the whole name.
/// </summary>
public sealed class DoublestarPattern
{
    /// <summary>Patterns longer than this are refused: no tag or repository name needs one.</summary>
    public const int MaxLength = 512;

    private readonly GlobSegment[][] _alternatives;

    private DoublestarPattern(string text, GlobSegment[][] alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    public string Text { get; }

    /// <summary>The compiled pattern, or null with <paramref name="problem"/> saying what is wrong with it.</summary>
    public static DoublestarPattern? TryParse(string pattern, out string? problem)
    {
        if (pattern.Length == 0)
        {
            problem = "the pattern is empty (use ** to match everything)";
            return null;
        }
        if (pattern.Length > MaxLength)
        {
            problem = $"the pattern is {pattern.Length} characters long; at most {MaxLength} are allowed";
            return null;
        }
        var runes = Runes(pattern);
        problem = DoublestarSyntax.Check(runes);
        if (problem is not null) return null;
        var expanded = DoublestarSyntax.Expand(runes);
        if (expanded is null)
        {
            problem = $"the pattern's {{…}} alternatives expand to more than {DoublestarSyntax.MaxAlternatives} patterns";
            return null;
        }
        return new DoublestarPattern(pattern, [.. expanded.Select(DoublestarSyntax.Compile)]);
    }

    /// <summary>The compiled pattern; for patterns known to be valid (stored ones were checked when saved).</summary>
    public static DoublestarPattern Parse(string pattern) =>
        TryParse(pattern, out var problem) ?? throw new FormatException($"invalid doublestar pattern '{pattern}': {problem}");

    public bool IsMatch(string name)
    {
        var components = name.Split('/').Select(Runes).ToArray();
        foreach (var segments in _alternatives)
        {
            if (Matches(segments, components)) return true;
        }
        return false;
    }

    public override string ToString() => Text;

    /// <summary>
    /// Components against segments, a globstar taking zero or more components (one or more at the end). Memoized over
    /// (segment, component), so many globstars cost a table of their product rather than exponential backtracking.
    /// </summary>
    private static bool Matches(GlobSegment[] segments, int[][] components)
    {
        var known = new bool?[segments.Length + 1, components.Length + 1];
        return Match(0, 0);

        bool Match(int s, int c)
        {
            if (known[s, c] is { } answer) return answer;
            bool result;
            if (s == segments.Length) result = c == components.Length;
            else if (segments[s].IsGlobstar)
                result = s == segments.Length - 1
                    ? c < components.Length
                    : Match(s + 1, c) || (c < components.Length && Match(s, c + 1));
            else result = c < components.Length && segments[s].Matches(components[c]) && Match(s + 1, c + 1);
            known[s, c] = result;
            return result;
        }
    }

    private static int[] Runes(string text)
    {
        var runes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes()) runes.Add(rune.Value);
        return [.. runes];
    }
}
