using Berth.Metadata.Immutability;

namespace Berth.Policy.Immutability;

/// <summary>
/// Whether a rule's selectors can be stored: at least one of each kind, kind <c>doublestar</c>, a decoration of the
/// right family, and a well-formed, non-empty pattern. The answer names the selector and the problem.
/// </summary>
public static class ImmutableRuleValidation
{
    public static string? Problem(IReadOnlyList<ImmutableSelectorRecord> tagSelectors, IReadOnlyList<ImmutableSelectorRecord> repositorySelectors)
    {
        if (tagSelectors.Count == 0) return "tag_selectors needs at least one selector, such as {\"kind\":\"doublestar\",\"decoration\":\"matches\",\"pattern\":\"**\"}";
        if (repositorySelectors.Count == 0)
            return "scope_selectors.repository needs at least one selector, such as {\"kind\":\"doublestar\",\"decoration\":\"repoMatches\",\"pattern\":\"**\"}";
        return Check("tag_selectors", tagSelectors, ImmutableRuleTerms.Matches, ImmutableRuleTerms.Excludes)
            ?? Check("scope_selectors.repository", repositorySelectors, ImmutableRuleTerms.RepoMatches, ImmutableRuleTerms.RepoExcludes);
    }

    private static string? Check(string field, IReadOnlyList<ImmutableSelectorRecord> selectors, string matches, string excludes)
    {
        for (var i = 0; i < selectors.Count; i++)
        {
            var selector = selectors[i];
            var where = $"{field}[{i}]";
            if (selector.Kind != ImmutableRuleTerms.Doublestar)
                return $"{where}: kind '{selector.Kind}' is not supported; use '{ImmutableRuleTerms.Doublestar}'";
            if (selector.Decoration != matches && selector.Decoration != excludes)
                return $"{where}: decoration '{selector.Decoration}' is not supported; use '{matches}' or '{excludes}'";
            if (DoublestarPattern.TryParse(selector.Pattern, out var problem) is null)
                return $"{where}: pattern '{selector.Pattern}' is invalid: {problem}";
        }
        return null;
    }
}
