using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Versions;

public sealed class NpmVersionSchemeTests
{
    private static readonly NpmVersionScheme Scheme = new();

    [Fact]
    public void SemVerPrecedenceChain() => SchemeAssert.Ascending(Scheme,
        "0.0.0-0", "0.0.0", "0.0.1",
        "1.0.0-0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
        "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.2-alpha", "1.2.3-alpha", "1.2.3-beta", "1.2.3", "1.10.0", "2.0.0", "10.0.0");

    [Theory]
    [InlineData("1.2.3", "v1.2.3")]
    [InlineData("1.2.3+build.5", "1.2.3")]
    [InlineData("1.2.3-rc.1+a", "1.2.3-rc.1+b")]
    [InlineData(" 1.2.3\n", "1.2.3")]
    public void Equals_(string left, string right) => SchemeAssert.Equal(Scheme, left, right);

    [Theory]
    [InlineData("1.2.3-alpha.9", "1.2.3-alpha.10")]
    [InlineData("1.2.3-alpha.10", "1.2.3-alpha.a")]
    [InlineData("1.2.3-Z", "1.2.3-a")]
    [InlineData("1.2.3-alpha-1", "1.2.3-alpha-2")]
    [InlineData("1.2.3-1-x", "1.2.3-a")]
    [InlineData("9007199254740990.0.0", "9007199254740991.0.0")]
    public void Orders(string lower, string higher) => SchemeAssert.Less(Scheme, lower, higher);

    [Theory]
    [InlineData("1.2")]
    [InlineData("1")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3")]
    [InlineData("1.02.3")]
    [InlineData("1.2.3-01")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-a..b")]
    [InlineData("1.2.3+")]
    [InlineData("1.2.3-a_b")]
    [InlineData("1.2.3~rc1")]
    [InlineData("9007199254740992.0.0")]
    [InlineData("=1.2.3")]
    [InlineData("vv1.2.3")]
    [InlineData("")]
    public void UnreadableVersionsAreInvalidAndSortFirst(string invalid) =>
        SchemeAssert.UnreadableSortsFirst(Scheme, invalid, "0.0.0-0");

    [Fact]
    public void ReadsEveryVersionOfTheRealLockFiles()
    {
        // package-lock v3 lists each installed package's exact version; every one must be a valid npm version.
        var path = TestData.Path("packages", "npm");
        var versions = Directory.GetFiles(path, "package-lock*.json", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\"version\": \"([^\"]+)\"").Select(m => m.Groups[1].Value))
            .ToList();
        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.True(Scheme.IsValid(v), v));
    }
}
