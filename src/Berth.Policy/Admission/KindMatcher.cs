namespace Berth.Policy.Admission;

/// <summary>One <c>spec.match.kinds</c> entry; an empty list or <c>*</c> matches any group or kind.</summary>
public sealed record KindMatcher(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Kinds)
{
    public bool Matches(string group, string kind) =>
        (ApiGroups.Count == 0 || ApiGroups.Contains("*") || ApiGroups.Contains(group))
        && (Kinds.Count == 0 || Kinds.Contains("*") || Kinds.Contains(kind));
}
