using Berth.Scanning.Matching;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Matching;

public sealed class AdvisoryEcosystemsTests
{
    [Theory]
    [InlineData("debian", "12.5", Ecosystem.Debian, "Debian:12")]
    [InlineData("debian", "bookworm/sid", Ecosystem.Debian, "Debian:12")]
    [InlineData("ubuntu", "22.04", Ecosystem.Ubuntu, "Ubuntu:22.04")]
    [InlineData("alpine", "3.20.3", Ecosystem.Alpine, "Alpine:v3.20")]
    [InlineData("alpine", "3.20", Ecosystem.Alpine, "Alpine:v3.20")]
    [InlineData("ubuntu", "22.04", Ecosystem.Debian, null)] // a Debian package never uses Ubuntu's data, nor the reverse
    [InlineData("redhat", "8.10", Ecosystem.Rpm, null)]     // no Red Hat feed yet
    [InlineData("debian", "unknown", Ecosystem.Debian, null)]
    public void ForOs(string family, string version, Ecosystem ecosystem, string? expected) =>
        Assert.Equal(expected, AdvisoryEcosystems.ForOs(new OsRelease(family, version), ecosystem));

    [Fact]
    public void ForLanguage_UsesOsvNames_AndNothingForOsPackages()
    {
        Assert.Equal("crates.io", AdvisoryEcosystems.ForLanguage(Ecosystem.CratesIo));
        Assert.Equal("PyPI", AdvisoryEcosystems.ForLanguage(Ecosystem.PyPI));
        Assert.Null(AdvisoryEcosystems.ForLanguage(Ecosystem.Alpine));
    }
}
