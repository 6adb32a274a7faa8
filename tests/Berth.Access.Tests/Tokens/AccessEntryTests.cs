using Berth.Access.Tokens;

namespace Berth.Access.Tests.Tokens;

public sealed class AccessEntryTests
{
    [Fact]
    public void TryParseScope_Repository_SplitsTypeNameAndActions()
    {
        Assert.True(AccessEntry.TryParseScope("repository:team/app:pull,push", out var entry));

        Assert.Equal("repository", entry.Type);
        Assert.Equal("team/app", entry.Name);
        Assert.Equal(["pull", "push"], entry.Actions);
    }

    [Fact]
    public void TryParseScope_NameWithPort_KeepsTheColonInTheName()
    {
        Assert.True(AccessEntry.TryParseScope("repository:localhost:5000/a/b:pull,push", out var entry));

        Assert.Equal("repository", entry.Type);
        Assert.Equal("localhost:5000/a/b", entry.Name);
        Assert.Equal(["pull", "push"], entry.Actions);
    }

    [Fact]
    public void TryParseScope_Catalog_KeepsTheStar()
    {
        Assert.True(AccessEntry.TryParseScope("registry:catalog:*", out var entry));

        Assert.Equal(AccessEntry.RegistryType, entry.Type);
        Assert.Equal("catalog", entry.Name);
        Assert.Equal(["*"], entry.Actions);
    }

    [Fact]
    public void TryParseScope_EmptyAndSpacedActions_AreDropped()
    {
        Assert.True(AccessEntry.TryParseScope("repository:a/b:pull,,push ,", out var entry));

        Assert.Equal(["pull", "push"], entry.Actions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("repository")]
    [InlineData("repository:a/b")]
    [InlineData(":a/b:pull")]
    [InlineData("repository::pull")]
    [InlineData("::")]
    [InlineData(":")]
    public void TryParseScope_Malformed_IsRefused(string scope) =>
        Assert.False(AccessEntry.TryParseScope(scope, out _));

    [Fact]
    public void ParseScopes_SeveralValuesAndSpaceSeparatedScopes_AllParsed()
    {
        var entries = AccessEntry.ParseScopes(["repository:a/b:pull repository:c/d:pull,push", null, "", "  ", "registry:catalog:*"]);

        Assert.Equal(["repository:a/b:pull", "repository:c/d:pull,push", "registry:catalog:*"], entries.Select(e => e.ToScope()));
    }

    [Fact]
    public void ParseScopes_MalformedScopes_AreSkippedNotFatal()
    {
        var entries = AccessEntry.ParseScopes(["bogus repository:a/b:pull repository:x", "::"]);

        var only = Assert.Single(entries);
        Assert.Equal("a/b", only.Name);
    }

    [Theory]
    [InlineData("repository:team/app:pull,push")]
    [InlineData("repository:localhost:5000/a/b:pull")]
    [InlineData("registry:catalog:*")]
    public void ToScope_RoundTrips(string scope)
    {
        Assert.True(AccessEntry.TryParseScope(scope, out var entry));

        Assert.Equal(scope, entry.ToScope());
        Assert.True(AccessEntry.TryParseScope(entry.ToScope(), out var again));
        Assert.Equal(entry.Type, again.Type);
        Assert.Equal(entry.Name, again.Name);
        Assert.Equal(entry.Actions, again.Actions);
    }
}
