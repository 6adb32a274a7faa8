using Berth.Metadata.Immutability;
using Berth.Policy.Immutability;

namespace Berth.Policy.Tests.Immutability;

public sealed class ImmutableRuleValidationTests
{
    private static readonly ImmutableSelectorRecord AnyTag = new("doublestar", "matches", "**");
    private static readonly ImmutableSelectorRecord AnyRepository = new("doublestar", "repoMatches", "**");

    [Fact]
    public void AWellFormedRule_HasNoProblem()
    {
        Assert.Null(ImmutableRuleValidation.Problem([AnyTag, new("doublestar", "excludes", "v{1,2}")], [new("doublestar", "repoExcludes", "team/**")]));
    }

    [Theory]
    [InlineData("regex", "matches", "**", "tag_selectors[0]: kind 'regex' is not supported; use 'doublestar'")]
    [InlineData("doublestar", "repoMatches", "**", "tag_selectors[0]: decoration 'repoMatches' is not supported; use 'matches' or 'excludes'")]
    [InlineData("doublestar", "matches", "", "tag_selectors[0]: pattern '' is invalid: the pattern is empty (use ** to match everything)")]
    [InlineData("doublestar", "matches", "v[1", "tag_selectors[0]: pattern 'v[1' is invalid: '[' at position 2 has no closing ']'")]
    public void TagSelectorProblems_AreNamed(string kind, string decoration, string pattern, string expected)
    {
        Assert.Equal(expected, ImmutableRuleValidation.Problem([new(kind, decoration, pattern)], [AnyRepository]));
    }

    [Fact]
    public void RepositorySelectorProblems_AreNamed()
    {
        Assert.Equal("scope_selectors.repository[1]: decoration 'matches' is not supported; use 'repoMatches' or 'repoExcludes'",
            ImmutableRuleValidation.Problem([AnyTag], [AnyRepository, new("doublestar", "matches", "x")]));
    }

    [Fact]
    public void MissingSelectors_AreProblems()
    {
        Assert.StartsWith("tag_selectors needs at least one selector", ImmutableRuleValidation.Problem([], [AnyRepository]));
        Assert.StartsWith("scope_selectors.repository needs at least one selector", ImmutableRuleValidation.Problem([AnyTag], []));
    }
}
