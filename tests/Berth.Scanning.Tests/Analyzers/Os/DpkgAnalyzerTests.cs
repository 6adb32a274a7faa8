using Berth.Scanning.Analyzers.Os;
using Berth.Scanning.Packages;
using Berth.Scanning.Tests.Layers;

namespace Berth.Scanning.Tests.Analyzers.Os;

public sealed class DpkgAnalyzerTests
{
    private static Package Find(IEnumerable<Package> packages, string name) => Assert.Single(packages, p => p.Name == name);

    [Fact]
    public async Task Debian_12_status_gives_its_packages_with_epochs_and_sources()
    {
        var analysis = await FixtureLayer.WalkAsync(new DpkgAnalyzer(), "dpkg", "debian-12-coreutils");

        var set = Assert.Single(analysis.PackageSets);
        Assert.Equal("var/lib/dpkg/status", set.FilePath);
        Assert.Equal(9, set.Packages.Count);
        Assert.Equal("9.1-1", Find(set.Packages, "coreutils").Version);
        var libc = Find(set.Packages, "libc6");
        Assert.Equal(("2.36-9+deb12u1", "glibc", "2.36-9+deb12u1"), (libc.Version, libc.SourceName, libc.SourceVersion));
        Assert.Equal("1:2.5.1-4", Find(set.Packages, "libattr1").Version);
        Assert.Equal("2:6.2.1+dfsg1-1.1", Find(set.Packages, "libgmp10").Version);
        var selinux = Find(set.Packages, "libselinux1");
        Assert.Equal(("3.4-1+b6", "libselinux", "3.4-1"), (selinux.Version, selinux.SourceName, selinux.SourceVersion));
        Assert.Equal("gcc-12", Find(set.Packages, "libgcc-s1").SourceName);
        Assert.All(set.Packages, p => Assert.Equal((Ecosystem.Debian, "var/lib/dpkg/status", false), (p.Ecosystem, p.FilePath, p.ThirdParty)));
        Assert.Empty(analysis.Warnings);
    }

    [Fact]
    public async Task A_binary_nmu_keeps_the_source_version_in_parentheses()
    {
        var analysis = await FixtureLayer.WalkAsync(new DpkgAnalyzer(), "dpkg", "debian-12-epochs");

        var packages = Assert.Single(analysis.PackageSets).Packages;
        Assert.Equal(7, packages.Count);
        var extra = Find(packages, "util-linux-extra");
        Assert.Equal(("2.38.1-5+b1", "util-linux", "2.38.1-5"), (extra.Version, extra.SourceName, extra.SourceVersion));
        Assert.Equal("1:2.5.1-4", Find(packages, "attr").Version);
        Assert.Equal(("acl", "2.3.1-3"), (Find(packages, "libacl1").SourceName, Find(packages, "libacl1").SourceVersion));
        var adduser = Find(packages, "adduser");
        Assert.Equal(("3.131", "adduser", "3.131"), (adduser.Version, adduser.SourceName, adduser.SourceVersion));
        Assert.Equal("2023.06.26.c543406313-00", Find(packages, "admin-session").Version);
    }

    [Fact]
    public async Task Ubuntu_status_reports_the_90_installed_packages_and_not_the_removed_one()
    {
        var analysis = await FixtureLayer.WalkAsync(new DpkgAnalyzer(), "dpkg", "ubuntu-18.04");

        var packages = Assert.Single(analysis.PackageSets).Packages;
        Assert.Equal(90, packages.Count);
        Assert.DoesNotContain(packages, p => p.Name == "git");
        Assert.Equal(13, packages.Count(p => p.Version.Contains(':')));
        var bsdutils = Find(packages, "bsdutils");
        Assert.Equal(("1:2.31.1-0.4ubuntu3.1", "util-linux", "2.31.1-0.4ubuntu3.1"), (bsdutils.Version, bsdutils.SourceName, bsdutils.SourceVersion));
        var zlib = Find(packages, "zlib1g");
        Assert.Equal(("1:1.2.11.dfsg-0ubuntu2", "zlib", "1:1.2.11.dfsg-0ubuntu2"), (zlib.Version, zlib.SourceName, zlib.SourceVersion));
        Assert.Equal("2.31.1-0.4ubuntu3.1", Find(packages, "fdisk").Version);
        Assert.Equal("3.116ubuntu1", Find(packages, "adduser").Version);
        Assert.Equal(packages.Count, packages.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public async Task Distroless_status_d_gives_one_package_and_its_md5sums_only_installed_files()
    {
        var analysis = await FixtureLayer.WalkAsync(new DpkgAnalyzer(), "dpkg", "distroless-status.d");

        var set = Assert.Single(analysis.PackageSets);
        Assert.Equal("var/lib/dpkg/status.d/libsqlite3-0", set.FilePath);
        var sqlite = Assert.Single(set.Packages);
        Assert.Equal(("libsqlite3-0", "3.34.1-3", "sqlite3", "arm64"), (sqlite.Name, sqlite.Version, sqlite.SourceName, sqlite.Architecture));
        Assert.Equal(6, analysis.InstalledFiles.Count);
        Assert.Contains("usr/lib/aarch64-linux-gnu/libsqlite3.so.0.8.6", analysis.InstalledFiles);
        Assert.Contains("usr/share/doc/libsqlite3-0/README.Debian", analysis.InstalledFiles);
    }

    [Fact]
    public async Task Info_lists_and_md5sums_give_installed_files_without_the_root_entry()
    {
        var analysis = await FixtureLayer.WalkAsync(new DpkgAnalyzer(), new TestLayer()
            .File("var/lib/dpkg/info/bash.list", "/.\n/bin\n/bin/bash\n/usr/share/doc/bash/copyright\n")
            .File("var/lib/dpkg/info/libc6:amd64.md5sums", "d41d8cd98f00b204e9800998ecf8427e  lib/x86_64-linux-gnu/libc.so.6\n")
            .File("var/lib/dpkg/info/bash.postinst", "#!/bin/sh\n")
            .File("var/lib/dpkg/status-old", "Package: old\nVersion: 1.0\n"));

        Assert.Equal(["bin", "bin/bash", "lib/x86_64-linux-gnu/libc.so.6", "usr/share/doc/bash/copyright"], analysis.InstalledFiles);
        Assert.Empty(analysis.PackageSets);
    }

    [Fact]
    public async Task Vendor_repository_packages_are_flagged_third_party()
    {
        var analysis = await FixtureLayer.WalkAsync(new DpkgAnalyzer(), new TestLayer().File("var/lib/dpkg/status",
            "Package: docker-ce\nStatus: install ok installed\nMaintainer: Docker <support@docker.com>\nVersion: 5:27.3.1-1~debian.12~bookworm\n\n" +
            "Package: cuda-toolkit\nStatus: install ok installed\nMaintainer: cudatools <cudatools@nvidia.com>\nVersion: 12.4.1-1\n\n" +
            "Package: bash\nStatus: install ok installed\nMaintainer: Matthias Klose <doko@debian.org>\nVersion: 5.2.15-2+b7\nSource: bash (5.2.15-2)\n"));

        var packages = Assert.Single(analysis.PackageSets).Packages;
        Assert.True(Find(packages, "docker-ce").ThirdParty);
        Assert.True(Find(packages, "cuda-toolkit").ThirdParty);
        Assert.False(Find(packages, "bash").ThirdParty);
    }

    [Theory]
    [InlineData("install ok installed", true)]
    [InlineData("hold ok installed", true)]
    [InlineData("install ok half-configured", true)]
    [InlineData("deinstall ok config-files", false)]
    [InlineData("deinstall ok installed", false)]
    [InlineData("purge ok not-installed", false)]
    [InlineData("install ok not-installed", false)]
    public async Task Removed_and_purged_packages_are_dropped(string status, bool reported)
    {
        var analysis = await FixtureLayer.WalkAsync(new DpkgAnalyzer(), new TestLayer().File("var/lib/dpkg/status",
            $"Package: p\nStatus: {status}\nVersion: 1.0-1\n"));

        Assert.Equal(reported ? 1 : 0, Assert.Single(analysis.PackageSets).Packages.Count);
    }

    [Fact]
    public async Task Malformed_stanzas_are_warnings_and_the_good_ones_still_count()
    {
        var analysis = await FixtureLayer.WalkAsync(new DpkgAnalyzer(), new TestLayer().File("var/lib/dpkg/status",
            "Version: 1.0-1\nStatus: install ok installed\n\n" +
            "Package: noversion\nStatus: install ok installed\n\n" +
            "Package: badversion\nVersion: abc-1\n\n" +
            "Package: badepoch\nVersion: x:1.0\n\n" +
            "this line is garbage\n" +
            "Package: good\nVersion: 2:1.0~rc1-1+b2\nDescription: d\n continued\n .\n\n" +
            "Package: long\nVersion: 1.0\nDescription: " + new string('x', 200_000) + "\n"));

        var packages = Assert.Single(analysis.PackageSets).Packages;
        Assert.Equal(["good", "long"], packages.Select(p => p.Name));
        Assert.Contains(analysis.Warnings, w => w.Contains("stanza 1") && w.Contains("no Package field"));
        Assert.Contains(analysis.Warnings, w => w.Contains("'noversion'") && w.Contains("no Version"));
        Assert.Contains(analysis.Warnings, w => w.Contains("'badversion'") && w.Contains("invalid version 'abc-1'"));
        Assert.Contains(analysis.Warnings, w => w.Contains("'badepoch'"));
        Assert.Contains(analysis.Warnings, w => w.Contains("1 malformed lines"));
        Assert.Contains(analysis.Warnings, w => w.Contains("1 overlong lines"));
    }

    [Fact]
    public async Task Binary_garbage_as_a_status_file_yields_warnings_not_packages()
    {
        var garbage = Enumerable.Range(0, 100_000).Select(i => (byte)((i * 7919) % 256)).ToArray();

        var analysis = await FixtureLayer.WalkAsync(new DpkgAnalyzer(), new TestLayer().File("var/lib/dpkg/status", garbage));

        Assert.Empty(Assert.Single(analysis.PackageSets).Packages);
        Assert.NotEmpty(analysis.Warnings);
    }

    [Fact]
    public void Only_dpkg_database_files_are_wanted()
    {
        var dpkg = new DpkgAnalyzer();

        Assert.True(dpkg.Wants("var/lib/dpkg/status", 1));
        Assert.True(dpkg.Wants("var/lib/dpkg/status.d/base", 1));
        Assert.True(dpkg.Wants("var/lib/dpkg/info/bash.list", 1));
        Assert.True(dpkg.Wants("var/lib/dpkg/info/bash.md5sums", 1));
        Assert.False(dpkg.Wants("var/lib/dpkg/info/bash.postinst", 1));
        Assert.False(dpkg.Wants("var/lib/dpkg/status-old", 1));
        Assert.False(dpkg.Wants("var/lib/dpkg/status.d/nested/x", 1));
    }
}
