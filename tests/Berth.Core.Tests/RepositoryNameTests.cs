namespace Berth.Core.Tests;

public sealed class RepositoryNameTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("nginx")]
    [InlineData("library/nginx")]
    [InlineData("project/team/app")]
    [InlineData("a/b/c/d/e")]
    [InlineData("a.b")]
    [InlineData("a_b")]
    [InlineData("a__b")]
    [InlineData("a-b")]
    [InlineData("a--b")]
    [InlineData("a---b")]
    [InlineData("my-org/web.frontend_v2")]
    public void IsValid_GrammarConformingName_IsTrue(string name) => Assert.True(RepositoryName.IsValid(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("Library/nginx")]
    [InlineData("library/Nginx")]
    [InlineData("/a")]
    [InlineData("a/")]
    [InlineData("a//b")]
    [InlineData("_a")]
    [InlineData("-a")]
    [InlineData(".a")]
    [InlineData("a_")]
    [InlineData("a-")]
    [InlineData("a.")]
    [InlineData("a___b")]
    [InlineData("a..b")]
    [InlineData("a._b")]
    [InlineData("a b")]
    [InlineData("a:b")]
    [InlineData("a@b")]
    [InlineData("../a")]
    [InlineData("a\n")]
    [InlineData("a/b\n")]
    public void IsValid_NameOutsideTheGrammar_IsFalse(string? name) => Assert.False(RepositoryName.IsValid(name));

    [Fact]
    public void IsValid_AtMaxLength_IsTrue()
    {
        var name = new string('a', 127) + "/" + new string('b', 127);
        Assert.Equal(RepositoryName.MaxLength, name.Length);
        Assert.True(RepositoryName.IsValid(name));
    }

    [Fact]
    public void IsValid_LongerThanMaxLength_IsFalse()
    {
        var name = new string('a', 128) + "/" + new string('b', 127);
        Assert.Equal(256, name.Length);
        Assert.False(RepositoryName.IsValid(name));
    }
}
