namespace Berth.Api.Http;

/// <summary>
/// The <c>name</c> key of Harbor's <c>q</c> query (<c>q=name=~app</c> fuzzy, <c>q=name=app</c> exact);
/// other keys are ignored, as a filter Berth does not know should not hide everything.
/// </summary>
public readonly record struct NameQuery(string? Value, bool Fuzzy)
{
    public static NameQuery Parse(string? q)
    {
        foreach (var part in (q ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("name=~", StringComparison.Ordinal)) return new NameQuery(part[6..], true);
            if (part.StartsWith("name=", StringComparison.Ordinal)) return new NameQuery(part[5..], false);
        }
        return new NameQuery(null, false);
    }

    public bool Matches(string name) =>
        Value is null || (Fuzzy ? name.Contains(Value, StringComparison.Ordinal) : name == Value);
}
