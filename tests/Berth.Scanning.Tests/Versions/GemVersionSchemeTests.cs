using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Versions;

public sealed class GemVersionSchemeTests
{
    private static readonly GemVersionScheme Scheme = new();

    [Theory]
    [InlineData("1.0", "1.0.0")]
    [InlineData("", "0")]
    [InlineData("  ", "0.0")]
    [InlineData("0.beta.1", "0.0.beta.1")]
    [InlineData("1.2.b1", "1.2.b.1")]
    [InlineData("1.0.0-rc1", "1.0.0.pre.rc1")]
    [InlineData("1.01", "1.1")]
    [InlineData(" 1.2.3 ", "1.2.3")]
    public void Equals_(string left, string right) => SchemeAssert.Equal(Scheme, left, right);

    [Theory]
    [InlineData("1.0.a", "1.0")]
    [InlineData("1.8.2.a", "1.8.2")]
    [InlineData("1.8.2.a", "1.8.2.b")]
    [InlineData("1.8.2.a9", "1.8.2.a10")]
    [InlineData("0.0.beta", "0.0.beta.1")]
    [InlineData("5.a", "5.0.0.rc2")]
    [InlineData("5.0.0.rc2", "5.x")]
    [InlineData("1.0.0-rc1", "1.0.0")]
    [InlineData("1.0.0-1", "1")]
    [InlineData("1.0.b1", "1.0.beta1")]
    [InlineData("1.9.3", "1.10.0")]
    [InlineData("2.7.99999999999999999999", "2.7.100000000000000000000")]
    [InlineData("6.1.7.9", "6.1.7.10")]
    public void Orders(string lower, string higher) => SchemeAssert.Less(Scheme, lower, higher);

    [Fact]
    public void SemVerStylePrereleaseChain() => SchemeAssert.Ascending(Scheme,
        "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");

    [Theory]
    [InlineData("junk")]
    [InlineData("1.0\n1.0")]
    [InlineData("1..2")]
    [InlineData("1.0.")]
    [InlineData("-1")]
    [InlineData("1.0-")]
    [InlineData("1.0+build")]
    [InlineData("v1.0")]
    [InlineData("1_0")]
    public void UnreadableVersionsAreInvalidAndSortFirst(string invalid) =>
        SchemeAssert.UnreadableSortsFirst(Scheme, invalid, "0.a");
}
