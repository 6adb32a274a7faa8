using Berth.Metadata.Immutability;

namespace Berth.Policy.Immutability;

/// <summary>
/// One project's enabled immutable tag rules, compiled. As in Harbor, rules combine with OR: a tag is immutable when
/// any rule selects both its repository (the path within the project, <c>team/app</c> for <c>proj/team/app</c>) and
/// the tag. Within a rule every selector must select (Harbor reads only the first of each list; with one selector
/// each, which is all Harbor's portal makes, the two agree). Cosign's signature tags are never immutable.
/// </summary>
public sealed class ImmutableTagRuleSet
{
    private readonly Rule[] _rules;

    private ImmutableTagRuleSet(Rule[] rules) => _rules = rules;

    public static ImmutableTagRuleSet Empty { get; } = new([]);

    /// <summary>True when no enabled rule exists, so nothing in the project is immutable.</summary>
    public bool IsEmpty => _rules.Length == 0;

    public static ImmutableTagRuleSet From(IEnumerable<ImmutableTagRuleRecord> rules)
    {
        var enabled = rules.Where(r => !r.Disabled)
            .Select(r => new Rule([.. r.RepositorySelectors.Select(ImmutableSelector.From)], [.. r.TagSelectors.Select(ImmutableSelector.From)]))
            .Where(r => r.Repositories.Length > 0 && r.Tags.Length > 0)
            .ToArray();
        return enabled.Length == 0 ? Empty : new ImmutableTagRuleSet(enabled);
    }

    /// <param name="repositoryInProject">The repository's path without the project: <c>team/app</c>.</param>
    public bool IsImmutable(string repositoryInProject, string tag)
    {
        if (_rules.Length == 0 || CosignTag.IsCosignTag(tag)) return false;
        foreach (var rule in _rules)
        {
            if (rule.Repositories.All(s => s.Selects(repositoryInProject)) && rule.Tags.All(s => s.Selects(tag))) return true;
        }
        return false;
    }

    private sealed record Rule(ImmutableSelector[] Repositories, ImmutableSelector[] Tags);
}
