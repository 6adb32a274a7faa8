using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Versions;

public sealed class MavenVersionSchemeTests
{
    private static readonly MavenVersionScheme Scheme = new();

    [Theory]
    [InlineData("1--1", "1-0-1")]
    [InlineData("1..1", "1.0.1")]
    [InlineData("1-ga", "1")]
    [InlineData("1.0.0.RELEASE", "1")]
    [InlineData("1.0.0.FINAL", "1.RELEASE")]
    [InlineData("1.2.3-a1b1-m1", "1.2.3-alpha-1-beta-1-milestone-1")]
    [InlineData("1.2.3-rc", "1.2.3-cr")]
    [InlineData("-1", "0-1")]
    [InlineData("1-1.0", "1-1")]
    [InlineData("1.", "1-")]
    [InlineData("1-1.ga", "1-1-ga")]
    [InlineData("1", "1.0")]
    [InlineData("1", "1.0.0")]
    [InlineData("1.0-SNAPSHOT", "1-snapshot")]
    [InlineData("1.0.01", "1.0.1")]
    [InlineData("2.0.0.Final", "2")]
    public void Equals_(string left, string right) => SchemeAssert.Equal(Scheme, left, right);

    [Fact]
    public void QualifierOrderOfComparableVersionTest() => SchemeAssert.Ascending(Scheme,
        "1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2", "1-beta123", "1-m2", "1-m11", "1-rc", "1-cr2", "1-rc123",
        "1-SNAPSHOT", "1", "1-sp", "1-sp2", "1-sp123", "1-abc", "1-def", "1-pom-1", "1-1-snapshot", "1-1", "1-2", "1-123");

    [Fact]
    public void NumericOrderOfComparableVersionTest() => SchemeAssert.Ascending(Scheme,
        "2.0", "2-1", "2.0.a", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b", "2.1-c", "2.1-1", "2.1.0.1", "2.2", "2.123",
        "11.a2", "11.a11", "11.b2", "11.b11", "11.m2", "11.m11", "11", "11.a", "11b", "11c", "11m");

    [Theory]
    [InlineData("1-sp", "1")]
    [InlineData("2.9.10.1", "2.9.10")]
    [InlineData("2.12.0", "2.9.10.8")]
    [InlineData("5.7.1", "5.7.0")]
    [InlineData("1.100000000000000000000", "1.99999999999999999999")]
    [InlineData("2.17.1", "2.17.0")]
    [InlineData("2.15.0", "2.15.0-rc2")]
    [InlineData("2.0", "2.0-beta9")]
    public void Orders(string higher, string lower) => SchemeAssert.Less(Scheme, lower, higher);

    [Fact]
    public void NotEqualWhenAQualifierRemains() => Assert.NotEqual(0, Scheme.Compare("1-sp", "1"));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("1.0 beta")]
    [InlineData("1.0\u0000")]
    public void UnreadableVersionsAreInvalidAndSortFirst(string invalid) => SchemeAssert.UnreadableSortsFirst(Scheme, invalid, "0");

    [Fact]
    public void SurroundingWhitespaceIsIgnored() => SchemeAssert.Equal(Scheme, " 1.0\t", "1.0");

    [Fact]
    public void HostilyDeepNestingIsUnreadableInsteadOfOverflowingTheStack()
    {
        var hostile = "1" + string.Concat(Enumerable.Repeat("a1", 50_000));
        Assert.False(Scheme.IsValid(hostile));
        SchemeAssert.Less(Scheme, hostile, "1");
        var deepButAllowed = "1" + string.Concat(Enumerable.Repeat("a1", 200));
        Assert.True(Scheme.IsValid(deepButAllowed));
        // "1a1…" is 1-alpha-1…, a pre-release of 1.
        SchemeAssert.Less(Scheme, deepButAllowed, "1");
    }

    [Fact]
    public void ReadsTheVersionsOfTheRealPom()
    {
        // The fixture pom's versions (SOURCES.md: jackson-databind 2.9.1, servlet 4.0.1, junit 5.7.1, the project's 1.0-SNAPSHOT).
        var pom = File.ReadAllText(Directory.GetFiles(TestData.Path("packages", "java"), "pom.xml", SearchOption.AllDirectories)[0]);
        var versions = System.Text.RegularExpressions.Regex.Matches(pom, "<version>([^<$]+)</version>").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("2.9.1", versions);
        Assert.All(versions, v => Assert.True(Scheme.IsValid(v), v));
        SchemeAssert.Less(Scheme, "1.0-SNAPSHOT", "1.0");
        SchemeAssert.Less(Scheme, "2.9.1", "2.9.10.8");
    }
}
