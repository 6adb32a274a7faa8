using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Versions;

public sealed class DpkgVersionSchemeTests
{
    private static readonly DpkgVersionScheme Scheme = new();

    [Theory]
    [InlineData("7.4.629-3", "7.4.629-5")]
    [InlineData("7.4.622-1", "7.4.629-1")]
    [InlineData("2:7.4.052-1", "2:7.4.052-1ubuntu3")]
    [InlineData("2:7.4.052", "2:7.4.052-1")]
    [InlineData("2:7.4.052-1ubuntu3", "2:7.4.052-1ubuntu3.1")]
    [InlineData("2:7.4.052-1ubuntu3.1", "2:7.4.052-1ubuntu3.2")]
    [InlineData("1:7.4.052", "2:7.4.052")]
    [InlineData("7.4.052", "1:7.4.052")]
    [InlineData("1", "1ubuntu1")]
    [InlineData("1.0~rc1", "1.0")]
    [InlineData("1.0", "1.0+b1")]
    [InlineData("1.2~~", "1.2~")]
    [InlineData("1.0-1", "1.0a-1")]
    [InlineData("1.0a", "1.0+")]
    [InlineData("1.0Z", "1.0a")]
    [InlineData("1.0", "1.0.1")]
    [InlineData("9", "10")]
    [InlineData("1.99999999999999999999998", "1.99999999999999999999999")]
    [InlineData("1.000000000000000000000009", "1.10")]
    [InlineData("2.38.1-5", "2.38.1-5+b1")]
    [InlineData("1:2.31.1-0.4ubuntu3", "1:2.31.1-0.4ubuntu3.1")]
    [InlineData("0.0~r131-2ubuntu3", "0.0.12")]
    public void Orders(string lower, string higher) => SchemeAssert.Less(Scheme, lower, higher);

    [Theory]
    [InlineData("3.12-1+deb9u1build0.16.4.1", "3.12-1+deb9u1build0.16.04.1")]
    [InlineData("1.0", "0:1.0")]
    [InlineData("1.0", "1.0-0")]
    [InlineData("1.0", "1.00")]
    [InlineData("01:1.0", "1:1.0")]
    [InlineData(" 1.0-1 ", "1.0-1")]
    public void Equals_(string left, string right) => SchemeAssert.Equal(Scheme, left, right);

    [Fact]
    public void NonDigitRunsOrderTildeBeforeEndBeforeLettersBeforeSymbols()
    {
        // The reference's string order "~~ < ~~a < ~ < '' < a < .", as verrevcmp sees it after a common prefix.
        SchemeAssert.Ascending(Scheme, "1~~", "1~~a", "1~", "1", "1a", "1.");
        SchemeAssert.Ascending(Scheme, "1.0-1~~", "1.0-1~~a", "1.0-1~", "1.0-1", "1.0-1a", "1.0-1.");
    }

    [Theory]
    [InlineData("6.0-4.el6.x86_64", 0, "6.0", "4.el6.x86_64")]
    [InlineData("1:2.5.1-4", 1, "2.5.1", "4")]
    [InlineData("2.9.1-1-1ubuntu1", 0, "2.9.1-1", "1ubuntu1")]
    [InlineData("1:2:3-4", 1, "2:3", "4")]
    [InlineData("3.131", 0, "3.131", "")]
    [InlineData("8-20180414-1ubuntu2", 0, "8-20180414", "1ubuntu2")]
    public void SplitsEpochUpstreamAndRevision(string version, int epoch, string upstream, string revision) =>
        Assert.Equal(new DpkgVersion(epoch, upstream, revision), DpkgVersion.Parse(version));

    [Theory]
    [InlineData("A:1.2.3")]
    [InlineData("-1:1.2.3")]
    [InlineData("2:-1ubuntu3.1")]
    [InlineData("2:A7.4.052-1")]
    [InlineData("2:7.4.!052-1")]
    [InlineData("7.4.052-!1ubuntu3.1")]
    [InlineData("")]
    [InlineData(":1.0")]
    [InlineData("1:")]
    [InlineData("99999999999:1.0")]
    [InlineData("1.0 1")]
    [InlineData("a1.0")]
    public void UnreadableVersionsAreInvalidAndSortFirst(string invalid) =>
        SchemeAssert.UnreadableSortsFirst(Scheme, invalid, "0~");

    [Fact]
    public void EveryVersionOfTheRealStatusFilesIsValid()
    {
        var versions = Directory.GetFiles(TestData.Path("packages", "dpkg"), "*", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(line => line.StartsWith("Version: ", StringComparison.Ordinal))
            .Select(line => line["Version: ".Length..])
            .ToList();
        Assert.True(versions.Count > 100);
        Assert.All(versions, v => Assert.True(Scheme.IsValid(v), v));
    }
}
