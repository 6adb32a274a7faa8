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
    [InlineData("debian", "unknown", Ecosystem.Debian, null)]
    public void ForOs(string family, string version, Ecosystem ecosystem, string? expected) =>
        Assert.Equal(expected, AdvisoryEcosystems.ForOs(new OsRelease(family, version), ecosystem).SingleOrDefault()?.Ecosystem);

    [Theory]
    [InlineData("alma", "9.4", "AlmaLinux:9")]
    [InlineData("rocky", "8.10", "Rocky Linux:8")]
    [InlineData("redhat", "9.4", "Red Hat:enterprise_linux:9::baseos|Red Hat:enterprise_linux:9::appstream|Red Hat:enterprise_linux:9::crb")]
    [InlineData("redhat", "7.3", "Red Hat:enterprise_linux:7::server")]
    [InlineData("sles", "15.3", "SUSE:Linux Enterprise Server 15 SP3|SUSE:Linux Enterprise Module for Basesystem 15 SP3")]
    [InlineData("sles", "15", "SUSE:Linux Enterprise Server 15|SUSE:Linux Enterprise Module for Basesystem 15")]
    [InlineData("opensuse.leap", "15.2.1", "openSUSE:Leap 15.2")]
    [InlineData("opensuse.tumbleweed", "20240101", "openSUSE:Tumbleweed")]
    [InlineData("cbl-mariner", "2.0", "Azure Linux:2")]
    [InlineData("azurelinux", "3.0", "Azure Linux:3")]
    [InlineData("photon", "3.0", "Photon OS:3.0")]
    [InlineData("fedora", "40", "")]   // no OSV ecosystem
    [InlineData("centos", "7.9", "")]  // CentOS is not Red Hat's product stream
    [InlineData("amazon", "2", "")]
    [InlineData("alma", "", "")]
    public void ForOs_RpmDistributions(string family, string version, string expected) =>
        Assert.Equal(expected, string.Join('|', AdvisoryEcosystems.ForOs(new OsRelease(family, version), Ecosystem.Rpm).Select(b => b.Ecosystem)));

    [Fact]
    public void RpmPackages_OnADebianImage_HaveNoBucket() =>
        Assert.Empty(AdvisoryEcosystems.ForOs(new OsRelease("debian", "12"), Ecosystem.Rpm));

    [Fact]
    public void ForLanguage_UsesOsvNames_AndNothingForOsPackages()
    {
        Assert.Equal("crates.io", AdvisoryEcosystems.ForLanguage(Ecosystem.CratesIo));
        Assert.Equal("PyPI", AdvisoryEcosystems.ForLanguage(Ecosystem.PyPI));
        Assert.Null(AdvisoryEcosystems.ForLanguage(Ecosystem.Alpine));
    }
}
