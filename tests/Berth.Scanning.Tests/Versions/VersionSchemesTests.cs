using Berth.Scanning.Packages;
using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Versions;

public sealed class VersionSchemesTests
{
    [Theory]
    [InlineData(Ecosystem.Debian, "dpkg")]
    [InlineData(Ecosystem.Ubuntu, "dpkg")]
    [InlineData(Ecosystem.Alpine, "apk")]
    [InlineData(Ecosystem.Rpm, "rpm")]
    [InlineData(Ecosystem.Npm, "npm")]
    [InlineData(Ecosystem.PyPI, "pep440")]
    [InlineData(Ecosystem.Maven, "maven")]
    [InlineData(Ecosystem.RubyGems, "gem")]
    [InlineData(Ecosystem.Go, "generic")]
    [InlineData(Ecosystem.CratesIo, "generic")]
    [InlineData(Ecosystem.Packagist, "generic")]
    [InlineData(Ecosystem.NuGet, "generic")]
    public void MapsEachEcosystemToItsScheme(Ecosystem ecosystem, string scheme) =>
        Assert.Equal(scheme, VersionSchemes.For(ecosystem).Name);

    [Fact]
    public void EveryEcosystemHasAScheme() =>
        Assert.All(Enum.GetValues<Ecosystem>(), e => Assert.NotNull(VersionSchemes.For(e)));

    [Fact]
    public void TheSchemesDisagreeWhereTheirEcosystemsDo()
    {
        // Only rpm reads a trailing ".rc1" as newer than the release; the others each spell a pre-release their own way.
        Assert.True(VersionSchemes.For(Ecosystem.Rpm).Compare("6.0.rc1", "6.0") > 0);
        Assert.True(VersionSchemes.For(Ecosystem.Debian).Compare("6.0~rc1", "6.0") < 0);
        Assert.True(VersionSchemes.For(Ecosystem.PyPI).Compare("6.0rc1", "6.0") < 0);
        Assert.True(VersionSchemes.For(Ecosystem.Alpine).Compare("6.0_rc1", "6.0") < 0);
        Assert.True(VersionSchemes.For(Ecosystem.Maven).Compare("6.0-rc1", "6.0") < 0);
        Assert.True(VersionSchemes.For(Ecosystem.RubyGems).Compare("6.0.rc1", "6.0") < 0);
        Assert.True(VersionSchemes.For(Ecosystem.Go).Compare("v6.0.0-rc1", "v6.0.0") < 0);
        Assert.False(VersionSchemes.For(Ecosystem.Npm).IsValid("6.0"));
        Assert.True(VersionSchemes.For(Ecosystem.Go).IsValid("6.0"));
    }
}
