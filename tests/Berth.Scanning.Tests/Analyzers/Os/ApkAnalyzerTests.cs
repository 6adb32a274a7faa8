using Berth.Scanning.Analyzers.Os;
using Berth.Scanning.Packages;
using Berth.Scanning.Tests.Layers;

namespace Berth.Scanning.Tests.Analyzers.Os;

public sealed class ApkAnalyzerTests
{
    private static Package Find(IEnumerable<Package> packages, string name) => Assert.Single(packages, p => p.Name == name);

    [Fact]
    public async Task Alpine_3_16_gives_14_packages_with_origins_and_installed_files()
    {
        var analysis = await FixtureLayer.WalkAsync(new ApkAnalyzer(), "apk", "alpine-3.16");

        var set = Assert.Single(analysis.PackageSets);
        Assert.Equal("lib/apk/db/installed", set.FilePath);
        Assert.Equal(14, set.Packages.Count);
        Assert.Equal("1.2.3-r0", Find(set.Packages, "musl").Version);
        Assert.Equal("1.35.0-r17", Find(set.Packages, "busybox").Version);
        var crypto = Find(set.Packages, "libcrypto1.1");
        Assert.Equal(("1.1.1q-r0", "openssl", "1.1.1q-r0"), (crypto.Version, crypto.SourceName, crypto.SourceVersion));
        Assert.Equal("1.2.12-r3", Find(set.Packages, "zlib").Version);
        Assert.Equal("2.12.9-r3", Find(set.Packages, "apk-tools").Version);
        Assert.All(set.Packages, p => Assert.Equal(Ecosystem.Alpine, p.Ecosystem));
        Assert.Equal(105, analysis.InstalledFiles.Count);
        Assert.Contains("lib/ld-musl-x86_64.so.1", analysis.InstalledFiles);
        Assert.Empty(analysis.Warnings);
    }

    [Fact]
    public async Task Alpine_3_18_gives_15_packages()
    {
        var analysis = await FixtureLayer.WalkAsync(new ApkAnalyzer(), "apk", "alpine-3.18");

        var packages = Assert.Single(analysis.PackageSets).Packages;
        Assert.Equal(15, packages.Count);
        Assert.Equal("3.4.3-r1", Find(packages, "alpine-baselayout").Version);
        Assert.Equal("1.36.0-r9", Find(packages, "busybox").Version);
        Assert.Equal("1.2.4-r0", Find(packages, "musl").Version);
        Assert.Equal(("3.1.0-r4", "openssl"), (Find(packages, "libcrypto3").Version, Find(packages, "libcrypto3").SourceName));
        Assert.Equal("1.2.13-r1", Find(packages, "zlib").Version);
        Assert.Equal("MIT", Find(packages, "musl").License);
        Assert.Equal(109, analysis.InstalledFiles.Count);
    }

    [Fact]
    public async Task Malformed_paragraphs_are_warnings_and_duplicates_keep_the_first()
    {
        var analysis = await FixtureLayer.WalkAsync(new ApkAnalyzer(), new TestLayer().File("lib/apk/db/installed",
            "P:noversion\nA:x86_64\n\n" +
            "V:1.0-r0\n\n" +
            "P:badversion\nV:one.two\n\n" +
            "P:dup\nV:1.0-r0\nF:usr/bin\nR:dup\nR:../../../../etc/shadow\n\n" +
            "P:dup\nV:2.0-r0\n\n" +
            "garbage without colon\n" +
            "R:orphan-file\n\n" +
            "P:good\nV:1.2.3_rc1-r2\no:goodsrc\nF:usr/lib\nR:libgood.so\n"));

        var packages = Assert.Single(analysis.PackageSets).Packages;
        Assert.Equal([("dup", "1.0-r0", "dup"), ("good", "1.2.3_rc1-r2", "goodsrc")], packages.Select(p => (p.Name, p.Version, p.SourceName!)));
        Assert.Equal(["usr/bin/dup", "usr/lib/libgood.so"], analysis.InstalledFiles);
        Assert.Contains(analysis.Warnings, w => w.Contains("'noversion'") && w.Contains("no V: version"));
        Assert.Contains(analysis.Warnings, w => w.Contains("'badversion'") && w.Contains("'one.two'"));
        Assert.Contains(analysis.Warnings, w => w.Contains("paragraph 2") && w.Contains("no P: name"));
        Assert.Contains(analysis.Warnings, w => w.Contains("3 malformed lines"));
    }

    [Fact]
    public void Only_the_installed_database_is_wanted()
    {
        var apk = new ApkAnalyzer();

        Assert.True(apk.Wants("lib/apk/db/installed", 1));
        Assert.True(apk.Wants("usr/lib/apk/db/installed", 1));
        Assert.False(apk.Wants("lib/apk/db/triggers", 1));
    }
}
