namespace Berth.Policy.Immutability;

/// <summary>
/// Reads doublestar patterns (the syntax of Go's bmatcuk/doublestar, which Harbor's selectors use): <c>*</c>, <c>?</c>,
/// <c>[abc]</c>, <c>[a-z]</c>, <c>[^…]</c> or <c>[!…]</c>, <c>{alt1,alt2}</c> (nestable), <c>**</c> as a whole path
/// component, and <c>\</c> to escape any of them. Problems are reported with 1-based character positions.
/// </summary>
internal static class DoublestarSyntax
{
    /// <summary>How many brace alternatives one pattern may expand to; more is refused rather than matched slowly.</summary>
    public const int MaxAlternatives = 256;

    private const int Backslash = '\\';

    /// <summary>Null when the pattern is well formed; otherwise what is wrong, naming the position.</summary>
    public static string? Check(int[] pattern)
    {
        var open = new Stack<int>();
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case Backslash:
                    if (i + 1 >= pattern.Length) return "the pattern ends with a lone '\\' (write '\\\\' for a backslash)";
                    i++;
                    break;
                case '[':
                    var (end, problem) = ReadClass(pattern, i, ranges: null);
                    if (problem is not null) return problem;
                    i = end - 1;
                    break;
                case '{':
                    open.Push(i);
                    break;
                case '}':
                    if (open.Count > 0) open.Pop();
                    break;
            }
        }
        return open.Count > 0 ? $"'{{' at position {open.Peek() + 1} has no closing '}}'" : null;
    }

    /// <summary>Every brace-free pattern the alternatives stand for, or null when there would be more than <see cref="MaxAlternatives"/>.</summary>
    public static List<int[]>? Expand(int[] pattern)
    {
        var expanded = new List<int[]>();
        return ExpandInto(pattern, expanded) ? expanded : null;
    }

    /// <summary>The path components of a brace-free, checked pattern.</summary>
    public static GlobSegment[] Compile(int[] pattern)
    {
        var segments = new List<GlobSegment>();
        var tokens = new List<GlobToken>();
        var unescapedStars = 0;
        for (var i = 0; i <= pattern.Length; i++)
        {
            if (i == pattern.Length || pattern[i] == '/')
            {
                // Only "**" alone between slashes crosses components; elsewhere it is one star, as in doublestar.
                segments.Add(tokens.Count == 2 && unescapedStars == 2 ? GlobSegment.Globstar : GlobSegment.Of(tokens));
                tokens.Clear();
                unescapedStars = 0;
                continue;
            }
            switch (pattern[i])
            {
                case Backslash:
                    tokens.Add(GlobToken.Literal(pattern[++i]));
                    break;
                case '*':
                    tokens.Add(GlobToken.Star);
                    unescapedStars++;
                    break;
                case '?':
                    tokens.Add(GlobToken.Any);
                    break;
                case '[':
                    var ranges = new List<(int, int)>();
                    var negated = i + 1 < pattern.Length && pattern[i + 1] is '^' or '!';
                    var (end, _) = ReadClass(pattern, i, ranges);
                    tokens.Add(GlobToken.Class([.. ranges], negated));
                    i = end - 1;
                    break;
                default:
                    tokens.Add(GlobToken.Literal(pattern[i]));
                    break;
            }
        }
        return [.. segments];
    }

    private static bool ExpandInto(int[] pattern, List<int[]> expanded)
    {
        var open = FindTopLevel(pattern, 0, '{');
        if (open < 0)
        {
            expanded.Add(pattern);
            return expanded.Count <= MaxAlternatives;
        }
        var depth = 0;
        var start = open + 1;
        var alternatives = new List<(int Start, int End)>();
        for (var i = open; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case Backslash:
                    i++;
                    break;
                case '[':
                    i = ReadClass(pattern, i, ranges: null).End - 1;
                    break;
                case '{':
                    depth++;
                    break;
                case ',' when depth == 1:
                    alternatives.Add((start, i));
                    start = i + 1;
                    break;
                case '}':
                    if (--depth > 0) break;
                    alternatives.Add((start, i));
                    foreach (var (from, to) in alternatives)
                    {
                        int[] joined = [.. pattern.AsSpan(0, open), .. pattern.AsSpan(from, to - from), .. pattern.AsSpan(i + 1)];
                        if (!ExpandInto(joined, expanded)) return false;
                    }
                    return true;
            }
        }
        // Check() makes sure every '{' closes.
        throw new InvalidOperationException("an unchecked pattern reached expansion");
    }

    private static int FindTopLevel(int[] pattern, int from, int wanted)
    {
        for (var i = from; i < pattern.Length; i++)
        {
            if (pattern[i] == Backslash) i++;
            else if (pattern[i] == '[') i = ReadClass(pattern, i, ranges: null).End - 1;
            else if (pattern[i] == wanted) return i;
        }
        return -1;
    }

    /// <summary>
    /// Reads the class opening at <paramref name="open"/>: where it ends (just past its ']'), or the problem. A '-' must
    /// sit between two characters (escape it otherwise), a range must not run backwards, and a class is never empty.
    /// </summary>
    private static (int End, string? Problem) ReadClass(int[] pattern, int open, List<(int, int)>? ranges)
    {
        var position = open + 1;
        var i = open + 1;
        if (i < pattern.Length && pattern[i] is '^' or '!') i++;
        var count = 0;
        while (true)
        {
            if (i >= pattern.Length) return (i, $"'[' at position {position} has no closing ']'");
            if (pattern[i] == ']')
            {
                return count == 0 ? (i + 1, $"the character class at position {position} is empty") : (i + 1, null);
            }
            if (pattern[i] == '-')
                return (i, $"the character class at position {position} has a '-' with no character before it (write '\\-' for a dash)");
            var (low, next) = ReadClassCharacter(pattern, i);
            if (low < 0) return (next, $"'[' at position {position} has no closing ']'");
            i = next;
            var high = low;
            if (i < pattern.Length && pattern[i] == '-')
            {
                i++;
                if (i < pattern.Length && pattern[i] == ']')
                    return (i, $"the character class at position {position} has a '-' with no character after it (write '\\-' for a dash)");
                (high, i) = ReadClassCharacter(pattern, i);
                if (high < 0) return (i, $"'[' at position {position} has no closing ']'");
                if (high < low)
                    return (i, $"the range '{char.ConvertFromUtf32(low)}-{char.ConvertFromUtf32(high)}' in the character class at position {position} runs backwards");
            }
            ranges?.Add((low, high));
            count++;
        }
    }

    /// <summary>The class member at <paramref name="i"/> (escaped or not) and where the next begins; -1 at the end of the pattern.</summary>
    private static (int Rune, int Next) ReadClassCharacter(int[] pattern, int i)
    {
        if (i >= pattern.Length) return (-1, i);
        if (pattern[i] != Backslash) return (pattern[i], i + 1);
        return i + 1 < pattern.Length ? (pattern[i + 1], i + 2) : (-1, i + 1);
    }
}
