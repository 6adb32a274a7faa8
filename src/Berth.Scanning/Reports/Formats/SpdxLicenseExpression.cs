using System.Text.RegularExpressions;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// Tells whether a package's license text reads as an SPDX license expression (SPDX 2.3 Annex D): identifiers joined
/// by AND, OR and WITH, with parentheses. "MIT", "(MIT OR Apache-2.0)", "GPL-2.0+ WITH Classpath-exception-2.0" are;
/// "MIT License", "BSD-style", "see LICENSE" are not. The identifiers are checked for form, not against the list.
/// </summary>
public static partial class SpdxLicenseExpression
{
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var tokens = Token().Matches(text).Select(m => m.Value).ToList();
        if (string.Concat(tokens) != Whitespace().Replace(text, "")) return false;
        var position = 0;
        return Expression(tokens, ref position) && position == tokens.Count;
    }

    private static bool Expression(List<string> tokens, ref int position)
    {
        if (!Term(tokens, ref position)) return false;
        while (position < tokens.Count && IsOperator(tokens[position], "AND", "OR"))
        {
            position++;
            if (!Term(tokens, ref position)) return false;
        }
        return true;
    }

    private static bool Term(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count) return false;
        if (tokens[position] == "(")
        {
            position++;
            if (!Expression(tokens, ref position) || position >= tokens.Count || tokens[position] != ")") return false;
            position++;
            return true;
        }
        if (!IsIdentifier(tokens[position])) return false;
        position++;
        if (position < tokens.Count && IsOperator(tokens[position], "WITH"))
        {
            position++;
            if (position >= tokens.Count || !IsIdentifier(tokens[position])) return false;
            position++;
        }
        return true;
    }

    private static bool IsOperator(string token, params string[] operators) => operators.Contains(token, StringComparer.OrdinalIgnoreCase);

    private static bool IsIdentifier(string token) =>
        !IsOperator(token, "AND", "OR", "WITH") && Identifier().IsMatch(token);

    [GeneratedRegex(@"\(|\)|[^\s()]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>An id from the list (letters, digits, '.', '-', an optional trailing '+') or a LicenseRef-/DocumentRef- one.</summary>
    [GeneratedRegex(@"^(?:(?:DocumentRef-[A-Za-z0-9.\-]+:)?LicenseRef-[A-Za-z0-9.\-]+|[A-Za-z0-9][A-Za-z0-9.\-]*\+?)$")]
    private static partial Regex Identifier();
}
