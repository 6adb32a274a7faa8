using System.Text.Json;
using Berth.Api.Http;
using Berth.Metadata.Immutability;
using Berth.Policy.Immutability;

namespace Berth.Api.Immutability;

/// <summary>
/// The body of a create or update, in Harbor's <c>ImmutableRule</c> shape. Fields left out of an update keep their
/// stored values, so <c>{"id":3,"disabled":true}</c> disables rule 3 as it does in Harbor.
/// </summary>
public sealed record ImmutableRuleRequest(
    long? Id,
    bool? Disabled,
    int? Priority,
    string? Action,
    string? Template,
    JsonElement? Params,
    IReadOnlyList<ImmutableSelectorJson?>? TagSelectors,
    IReadOnlyDictionary<string, IReadOnlyList<ImmutableSelectorJson?>?>? ScopeSelectors)
{
    /// <summary>The rule to store (over <paramref name="stored"/> for an update), or the 400 naming what is wrong.</summary>
    public (ImmutableTagRuleWrite? Rule, HarborError? Error) ToWrite(ImmutableTagRuleRecord? stored)
    {
        if (Action is not null && Action != ImmutableRuleTerms.Action)
            return (null, HarborError.BadRequest($"action '{Action}' is not supported; immutable tag rules use '{ImmutableRuleTerms.Action}'"));
        if (Template is not null && Template != ImmutableRuleTerms.Template)
            return (null, HarborError.BadRequest($"template '{Template}' is not supported; immutable tag rules use '{ImmutableRuleTerms.Template}'"));
        if (TagSelectors?.Any(s => s is null) == true) return (null, HarborError.BadRequest("tag_selectors must not contain null"));

        var unknownScope = ScopeSelectors?.Keys.FirstOrDefault(k => k != ImmutableRuleTerms.RepositoryScope);
        if (unknownScope is not null)
            return (null, HarborError.BadRequest($"scope_selectors.{unknownScope} is not supported; immutable tag rules select by '{ImmutableRuleTerms.RepositoryScope}'"));
        IReadOnlyList<ImmutableSelectorJson?>? repositories = null;
        if (ScopeSelectors is not null && !ScopeSelectors.TryGetValue(ImmutableRuleTerms.RepositoryScope, out repositories)) repositories = [];
        if (repositories?.Any(s => s is null) == true) return (null, HarborError.BadRequest("scope_selectors.repository must not contain null"));

        var tagSelectors = TagSelectors?.Select(s => s!.ToRecord()).ToList() ?? stored?.TagSelectors ?? [];
        var repositorySelectors = repositories?.Select(s => s!.ToRecord()).ToList() ?? stored?.RepositorySelectors ?? [];
        if (ImmutableRuleValidation.Problem(tagSelectors, repositorySelectors) is { } problem) return (null, HarborError.BadRequest(problem));
        return (new ImmutableTagRuleWrite(Disabled ?? stored?.Disabled ?? false, Priority ?? stored?.Priority ?? 0, tagSelectors, repositorySelectors), null);
    }
}
