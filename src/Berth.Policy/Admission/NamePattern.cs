namespace Berth.Policy.Admission;

/// <summary>
/// A name in a constraint's match: exact, or Gatekeeper's glob with one '*' at the start or the end
/// (<c>kube-*</c>, <c>*-system</c>).
/// </summary>
public sealed record NamePattern(string Text)
{
    public bool Matches(string name)
    {
        if (Text == "*") return true;
        if (Text.EndsWith('*')) return name.StartsWith(Text[..^1], StringComparison.Ordinal);
        if (Text.StartsWith('*')) return name.EndsWith(Text[1..], StringComparison.Ordinal);
        return name == Text;
    }

    /// <summary>An error when '*' appears anywhere but once at the start or end.</summary>
    public static string? Validate(string text)
    {
        var stars = text.Count(c => c == '*');
        if (text.Length == 0) return "is empty";
        if (stars == 0 || text == "*") return null;
        return stars == 1 && (text.StartsWith('*') || text.EndsWith('*'))
            ? null
            : $"'{text}' has a '*' that is not a single prefix or suffix glob";
    }
}
