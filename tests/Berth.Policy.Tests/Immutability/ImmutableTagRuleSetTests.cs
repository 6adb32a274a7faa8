using Berth.Metadata.Immutability;
using Berth.Policy.Immutability;

namespace Berth.Policy.Tests.Immutability;

/// <summary>Which tags a project's rules make immutable: OR across rules, AND within one, Harbor's decorations.</summary>
public sealed class ImmutableTagRuleSetTests
{
    private static ImmutableTagRuleRecord Rule(string repoDecoration, string repoPattern, string tagDecoration, string tagPattern, bool disabled = false) =>
        new(1, 1, disabled, 0, [new("doublestar", tagDecoration, tagPattern)], [new("doublestar", repoDecoration, repoPattern)]);

    [Theory]
    // Harbor's own cases (src/pkg/immutable/match/rule/match_test.go): rule 1 redis + release-**, rule 2 mysql + **.
    [InlineData("redis", "release-1.10", true)]
    [InlineData("redis", "1.10", false)]
    [InlineData("mysql", "9.4.8", true)]
    [InlineData("hello", "world", false)]
    public void HarborsMatchCases(string repository, string tag, bool expected)
    {
        var rules = ImmutableTagRuleSet.From([
            Rule("repoMatches", "redis", "matches", "release-**"),
            Rule("repoMatches", "mysql", "matches", "**"),
        ]);

        Assert.Equal(expected, rules.IsImmutable(repository, tag));
    }

    [Theory]
    // Harbor's exclude case: every repository, tags not matching world**.
    [InlineData("redis", "release-1.10", true)]
    [InlineData("mysql", "9.4.8", true)]
    [InlineData("hello", "world", false)]
    [InlineData("hello", "worldwide", false)]
    public void ExcludesSelectsWhatThePatternDoesNotMatch(string repository, string tag, bool expected)
    {
        var rules = ImmutableTagRuleSet.From([Rule("repoMatches", "**", "excludes", "world**")]);

        Assert.Equal(expected, rules.IsImmutable(repository, tag));
    }

    [Theory]
    [InlineData("image_priority_a", "latest", false)]
    [InlineData("image_priority_b", "0.12.0", false)]
    [InlineData("image_priority_c", "latest", true)]
    public void RepoExcludes_LeavesTheNamedRepositoriesOut(string repository, string tag, bool expected)
    {
        var rules = ImmutableTagRuleSet.From([Rule("repoExcludes", "{image_priority_a,image_priority_b}", "matches", "**")]);

        Assert.Equal(expected, rules.IsImmutable(repository, tag));
    }

    [Fact]
    public void RepositoryPatterns_MatchThePathWithinTheProject()
    {
        var rules = ImmutableTagRuleSet.From([Rule("repoMatches", "team/*", "matches", "v*")]);

        Assert.True(rules.IsImmutable("team/app", "v1"));
        Assert.False(rules.IsImmutable("team/app/web", "v1"));
        Assert.False(rules.IsImmutable("proj/team/app", "v1"));
    }

    [Fact]
    public void DisabledRules_MakeNothingImmutable()
    {
        var rules = ImmutableTagRuleSet.From([Rule("repoMatches", "**", "matches", "**", disabled: true)]);

        Assert.True(rules.IsEmpty);
        Assert.False(rules.IsImmutable("app", "v1"));
    }

    [Fact]
    public void EverySelectorOfOneRuleMustSelect()
    {
        var rule = new ImmutableTagRuleRecord(1, 1, false, 0,
            [new("doublestar", "matches", "v*"), new("doublestar", "excludes", "*-rc*")],
            [new("doublestar", "repoMatches", "**")]);
        var rules = ImmutableTagRuleSet.From([rule]);

        Assert.True(rules.IsImmutable("app", "v1.0"));
        Assert.False(rules.IsImmutable("app", "v1.0-rc1"));
        Assert.False(rules.IsImmutable("app", "latest"));
    }

    [Theory]
    [InlineData("sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.sig", false)]
    [InlineData("sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.att", false)]
    [InlineData("sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.sbom", false)]
    [InlineData("sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.txt", true)]
    [InlineData("sha256-0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef.sig", true)]
    [InlineData("sha256-0123.sig", true)]
    public void CosignSignatureTags_AreNeverImmutable(string tag, bool expected)
    {
        var rules = ImmutableTagRuleSet.From([Rule("repoMatches", "**", "matches", "**")]);

        Assert.Equal(expected, rules.IsImmutable("app", tag));
    }
}
