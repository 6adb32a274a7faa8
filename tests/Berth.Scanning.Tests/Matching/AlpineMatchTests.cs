using Berth.Scanning.Advisories;
using Berth.Scanning.Matching;
using Berth.Scanning.Packages;
using Berth.Scanning.Tests.Advisories;

namespace Berth.Scanning.Tests.Matching;

/// <summary>Alpine packages against the real alpine-secdb branches (v3.3–v3.11).</summary>
[Collection(ImportedAdvisoriesCollection.Name)]
public sealed class AlpineMatchTests(ImportedAdvisories imported)
{
    private AdvisoryMatcher Matcher => new(imported.Store);

    private static Package Apk(string name, string version, string? origin = null) => new()
    {
        Name = name, Version = version, Ecosystem = Ecosystem.Alpine, SourceName = origin ?? name, SourceVersion = version, LayerDiffId = "sha256:base",
    };

    [Fact]
    public async Task V311_SampleRecords_AffectBelowTheFix_NotAtIt()
    {
        var os = new OsRelease("alpine", "3.11.6");

        var result = await Matcher.MatchAsync(os,
            [Apk("musl", "1.1.23-r1"), Apk("musl-utils", "1.1.23-r2", "musl"), Apk("libcrypto1.1", "1.1.1d-r2", "openssl")], default);

        var musl = result.Findings.Where(f => f.AdvisoryId == "CVE-2019-14697").ToList();
        var finding = Assert.Single(musl); // musl-utils at the fixed version is not affected
        Assert.Equal(("musl", "musl", "1.1.23-r1", "Alpine:v3.11"), (finding.PackageName, finding.AdvisoryPackage, finding.InstalledVersion, finding.Ecosystem));
        Assert.Equal(["1.1.23-r2"], finding.FixedVersions);
        Assert.Equal(AdvisoryStatus.Fixed, finding.Status);
        Assert.Equal("sha256:base", finding.LayerDiffId);
        // The binary package libcrypto1.1 is matched through its origin, openssl.
        var openssl = Assert.Single(result.Findings, f => f.AdvisoryId == "CVE-2019-1551");
        Assert.Equal(("libcrypto1.1", "openssl"), (openssl.PackageName, openssl.AdvisoryPackage));
        Assert.Equal(["1.1.1d-r3"], openssl.FixedVersions);
    }

    [Fact]
    public async Task FixtureOrigins_AreAllNewerThanEveryFixInV311()
    {
        // SOURCES.md: even with the branch ignored, busybox/musl/openssl/zlib of the 3.16 and 3.18 fixtures are past every fix.
        string[] origins = ["busybox", "musl", "openssl", "zlib"];
        foreach (var fixture in new[] { "apk/alpine-3.16/lib/apk/db/installed", "apk/alpine-3.18/lib/apk/db/installed" })
        {
            var packages = FixturePackages.ApkInstalled(fixture).Where(p => origins.Contains(p.SourceName)).ToList();
            Assert.NotEmpty(packages);

            var result = await Matcher.MatchAsync(new OsRelease("alpine", "3.11.6"), packages, default);

            Assert.Empty(result.Findings);
            Assert.Empty(result.Warnings);
        }
    }

    [Fact]
    public async Task Fixture316_HasNoBranchInThisData_SoNothingMatches()
    {
        var packages = FixturePackages.ApkInstalled("apk/alpine-3.16/lib/apk/db/installed");

        var result = await Matcher.MatchAsync(new OsRelease("alpine", "3.16.2"), packages, default);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task AlpinePackages_OnADebianImage_AreNotMatchedAgainstAnything()
    {
        var result = await Matcher.MatchAsync(new OsRelease("debian", "12.5"), [Apk("musl", "1.1.23-r1")], default);

        Assert.Empty(result.Findings);
        Assert.Contains(result.Warnings, w => w.Contains("Alpine", StringComparison.Ordinal));
    }
}
