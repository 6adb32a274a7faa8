using Berth.Scanning.Analyzers.Os;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;
using Berth.Scanning.Tests.Layers;

namespace Berth.Scanning.Tests.Analyzers.Os;

public sealed class OperatingSystemAnalyzerTests
{
    [Theory]
    [InlineData("almalinux-9.4", "alma", "9.4")]
    [InlineData("alpine-3.15", "alpine", "3.15.4")]
    [InlineData("amazon-2", "amazon", "2")]
    [InlineData("azurelinux-3.0", "azurelinux", "3.0")]
    [InlineData("debian-13", "debian", "13")]
    [InlineData("debian-8", "debian", "8")]
    [InlineData("distroless-debian12", "debian", "12")]
    [InlineData("fedora-42", "fedora", "42")]
    [InlineData("mariner-2.0", "cbl-mariner", "2.0")]
    [InlineData("opensuse-leap-15.2.1", "opensuse.leap", "15.2.1")]
    [InlineData("rhel-7.3", "redhat", "7.3")]
    [InlineData("rhel-9.4", "redhat", "9.4")]
    [InlineData("rocky-9.3", "rocky", "9.3")]
    [InlineData("sles-15.3", "sles", "15.3")]
    [InlineData("ubuntu-20.04", "ubuntu", "20.04")]
    public async Task Each_real_os_release_names_its_distribution(string fixture, string family, string version)
    {
        var analysis = await FixtureLayer.WalkAsync(new OperatingSystemAnalyzer(), "os-release", fixture);

        Assert.Equal(new OsRelease(family, version), analysis.OperatingSystem);
        Assert.Empty(analysis.Warnings);
    }

    [Theory]
    [InlineData("etc/alpine-release", "3.20.3\n", "alpine", "3.20.3")]
    [InlineData("etc/debian_version", "12.5\n", "debian", "12.5")]
    [InlineData("etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\n", "ubuntu", "22.04")]
    [InlineData("etc/redhat-release", "Red Hat Enterprise Linux release 8.10 (Ootpa)\n", "redhat", "8.10")]
    [InlineData("etc/centos-release", "CentOS Linux release 7.9.2009 (Core)\n", "centos", "7.9.2009")]
    [InlineData("etc/rocky-release", "Rocky Linux release 9.3 (Blue Onyx)\n", "rocky", "9.3")]
    [InlineData("etc/almalinux-release", "AlmaLinux release 9.4 (Seafoam Ocelot)\n", "alma", "9.4")]
    [InlineData("etc/oracle-release", "Oracle Linux Server release 8.9\n", "oracle", "8.9")]
    [InlineData("etc/fedora-release", "Fedora release 40 (Forty)\n", "fedora", "40")]
    [InlineData("etc/system-release", "Amazon Linux release 2 (Karoo)\n", "amazon", "2")]
    [InlineData("usr/lib/system-release", "Amazon Linux release 2023.4.20240401 (Amazon Linux)\n", "amazon", "2023.4.20240401")]
    [InlineData("etc/system-release", "Amazon Linux AMI release 2018.03\n", "amazon", "1")]
    public async Task Release_files_name_the_distribution(string path, string content, string family, string version)
    {
        var analysis = await FixtureLayer.WalkAsync(new OperatingSystemAnalyzer(), new TestLayer().File(path, content));

        Assert.Equal(new OsRelease(family, version), analysis.OperatingSystem);
    }

    [Fact]
    public async Task Ubuntu_is_not_mistaken_for_debian_by_its_debian_version()
    {
        var analysis = await FixtureLayer.WalkAsync(new OperatingSystemAnalyzer(), new TestLayer()
            .File("etc/debian_version", "bookworm/sid\n")
            .File("etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\n"));

        Assert.Equal(new OsRelease("ubuntu", "24.04"), analysis.OperatingSystem);
    }

    [Fact]
    public async Task Oracle_linux_is_not_mistaken_for_rhel_by_its_redhat_release()
    {
        var analysis = await FixtureLayer.WalkAsync(new OperatingSystemAnalyzer(), new TestLayer()
            .File("etc/oracle-release", "Oracle Linux Server release 7.9\n")
            .File("etc/redhat-release", "Red Hat Enterprise Linux Server release 7.9 (Maipo)\n"));

        Assert.Equal(new OsRelease("oracle", "7.9"), analysis.OperatingSystem);
    }

    [Theory]
    [InlineData("etc/os-release", "NAME=Debian\nPRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\nID=debian\n")]
    [InlineData("etc/os-release", "ID=plan9\nVERSION_ID=4\n")]
    [InlineData("etc/lsb-release", "DISTRIB_ID=LinuxMint\nDISTRIB_RELEASE=21\n")]
    [InlineData("etc/redhat-release", "\n\n")]
    [InlineData("etc/alpine-release", "")]
    public async Task A_release_file_that_names_no_known_release_is_a_warning(string path, string content)
    {
        var analysis = await FixtureLayer.WalkAsync(new OperatingSystemAnalyzer(), new TestLayer().File(path, content));

        Assert.Null(analysis.OperatingSystem);
        Assert.Contains(analysis.Warnings, w => w.Contains($"'{path}'"));
    }

    [Fact]
    public async Task A_release_file_of_one_endless_line_is_read_in_bounded_pieces()
    {
        var analysis = await FixtureLayer.WalkAsync(new OperatingSystemAnalyzer(),
            new TestLayer().File("etc/debian_version", new string('9', 4 * 1024 * 1024)));

        Assert.Equal("debian", analysis.OperatingSystem?.Family);
        Assert.Equal(4096, analysis.OperatingSystem!.Version.Length);
    }

    [Fact]
    public void Only_release_files_are_wanted()
    {
        var analyzer = new OperatingSystemAnalyzer();

        Assert.True(analyzer.Wants("usr/lib/os-release", 100));
        Assert.True(analyzer.Wants("etc/centos-release", 100));
        Assert.False(analyzer.Wants("etc/os-release.bak", 100));
        Assert.False(analyzer.Wants("opt/etc/os-release", 100));
    }
}
