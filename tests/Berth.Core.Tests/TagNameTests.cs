namespace Berth.Core.Tests;

public sealed class TagNameTests
{
    [Theory]
    [InlineData("latest")]
    [InlineData("v1.2.3")]
    [InlineData("1.0")]
    [InlineData("_private")]
    [InlineData("Release-Candidate_2")]
    [InlineData("sha256-e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.sig")]
    public void IsValid_GrammarConformingTag_IsTrue(string tag) => Assert.True(TagName.IsValid(tag));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("-dash")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("a b")]
    [InlineData("a+b")]
    [InlineData("latest\n")]
    public void IsValid_TagOutsideTheGrammar_IsFalse(string? tag) => Assert.False(TagName.IsValid(tag));

    [Fact]
    public void IsValid_At128Characters_IsTrue() => Assert.True(TagName.IsValid(new string('t', 128)));

    [Fact]
    public void IsValid_At129Characters_IsFalse() => Assert.False(TagName.IsValid(new string('t', 129)));
}
