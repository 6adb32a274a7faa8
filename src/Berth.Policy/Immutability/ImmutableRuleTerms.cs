namespace Berth.Policy.Immutability;

/// <summary>The fixed words of Harbor's immutable tag rules (src/lib/selector/selectors/doublestar, src/pkg/immutable).</summary>
public static class ImmutableRuleTerms
{
    public const string Action = "immutable";
    public const string Template = "immutable_template";
    public const string Doublestar = "doublestar";
    public const string Matches = "matches";
    public const string Excludes = "excludes";
    public const string RepoMatches = "repoMatches";
    public const string RepoExcludes = "repoExcludes";

    /// <summary>The one scope selector key immutability rules have.</summary>
    public const string RepositoryScope = "repository";

    /// <summary>Rules one project may have, as Harbor's portal allows.</summary>
    public const int MaxRulesPerProject = 15;
}
