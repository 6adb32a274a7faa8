using Berth.Metadata.Immutability;
using Berth.Policy.Immutability;

namespace Berth.Api.Immutability;

/// <summary>
/// Harbor's <c>ImmutableRule</c> as the API shows it:
/// <c>{id, project_id, disabled, priority, action, template, tag_selectors[], scope_selectors{repository[]}}</c>.
/// </summary>
public sealed record ImmutableRuleJson(
    long Id,
    long ProjectId,
    bool Disabled,
    int Priority,
    string Action,
    string Template,
    IReadOnlyList<ImmutableSelectorJson> TagSelectors,
    IReadOnlyDictionary<string, IReadOnlyList<ImmutableSelectorJson>> ScopeSelectors)
{
    public static ImmutableRuleJson From(ImmutableTagRuleRecord rule) => new(
        rule.Id, rule.ProjectId, rule.Disabled, rule.Priority, ImmutableRuleTerms.Action, ImmutableRuleTerms.Template,
        [.. rule.TagSelectors.Select(ImmutableSelectorJson.From)],
        new Dictionary<string, IReadOnlyList<ImmutableSelectorJson>>
        {
            [ImmutableRuleTerms.RepositoryScope] = [.. rule.RepositorySelectors.Select(ImmutableSelectorJson.From)],
        });
}
