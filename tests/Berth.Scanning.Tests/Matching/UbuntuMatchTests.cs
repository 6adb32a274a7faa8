using Berth.Scanning.Advisories;
using Berth.Scanning.Analyzers.Os;
using Berth.Scanning.Layers;
using Berth.Scanning.Matching;
using Berth.Scanning.Packages;
using Berth.Scanning.Tests.Advisories;

namespace Berth.Scanning.Tests.Matching;

/// <summary>
/// Ubuntu packages against the whole testdata import: the real Ubuntu CVE tracker file (vuln-list shape, xen on
/// bionic/focal/jammy) and, beside it, Debian tracker data that must never reach an Ubuntu package.
/// </summary>
[Collection(ImportedAdvisoriesCollection.Name)]
public sealed class UbuntuMatchTests(ImportedAdvisories imported)
{
    private AdvisoryMatcher Matcher => new(imported.Store);

    private static Package Xen(string version) => new()
    {
        Name = "xen-hypervisor-4.9-amd64", Version = version, Ecosystem = Ecosystem.Ubuntu, SourceName = "xen", SourceVersion = version,
    };

    [Fact]
    public async Task Bionic_Released_AffectedBelowTheNote_FixedAtIt()
    {
        var below = await Matcher.MatchAsync(new OsRelease("ubuntu", "18.04"), [Xen("1.2.2")], default);
        var at = await Matcher.MatchAsync(new OsRelease("ubuntu", "18.04"), [Xen("1.2.3")], default);

        var finding = Assert.Single(below.Findings);
        Assert.Equal(("CVE-2020-1234", "xen", "Ubuntu:18.04"), (finding.AdvisoryId, finding.AdvisoryPackage, finding.Ecosystem));
        Assert.Equal((AdvisoryStatus.Fixed, Severity.Medium), (finding.Status, finding.Severity)); // Priority: medium
        Assert.Equal(["1.2.3"], finding.FixedVersions);
        Assert.Equal("ubuntu-cve-tracker", finding.Source);
        Assert.Empty(at.Findings);
        Assert.Empty(at.Warnings);
    }

    [Fact]
    public async Task Focal_NeedsTriage_IsAffectedWithoutAFix()
    {
        var result = await Matcher.MatchAsync(new OsRelease("ubuntu", "20.04"), [Xen("4.11.3+24-g14b62ab3e5-1ubuntu2")], default);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("Ubuntu:20.04", AdvisoryStatus.Affected, false), (finding.Ecosystem, finding.Status, finding.Fixable));
        Assert.Empty(finding.FixedVersions);
    }

    [Fact]
    public async Task Jammy_Pending_AffectsBelowTheComingVersion_ButOffersNoFixYet()
    {
        var below = await Matcher.MatchAsync(new OsRelease("ubuntu", "22.04"), [Xen("1.2.3")], default);
        var coming = await Matcher.MatchAsync(new OsRelease("ubuntu", "22.04"), [Xen("1.2.4")], default);

        var finding = Assert.Single(below.Findings);
        Assert.Equal((AdvisoryStatus.Affected, false), (finding.Status, finding.Fixable));
        Assert.Empty(finding.FixedVersions);
        Assert.Empty(coming.Findings);
    }

    [Fact]
    public async Task OtherReleases_AreNotCovered_ByThisRecord()
    {
        var result = await Matcher.MatchAsync(new OsRelease("ubuntu", "24.04"), [Xen("1.0.0")], default);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task RealUbuntu1804Fixture_NothingMatches_DebianDataForItsPackagesIsNotUsed()
    {
        var packages = await DpkgStatusAsync("dpkg/ubuntu-18.04/var/lib/dpkg/status");
        Assert.Equal(90, packages.Count);
        // The Debian data beside it covers libgcrypt20 and gnutls28, which this Ubuntu image has.
        Assert.Contains(packages, p => p.SourceName == "libgcrypt20");
        Assert.NotEmpty(await imported.Store.FindAsync([new Berth.Core.Advisories.AdvisoryKey("Debian:10", "libgcrypt20")], default));

        var result = await Matcher.MatchAsync(new OsRelease("ubuntu", "18.04"), packages, default);

        Assert.Empty(result.Findings);
        Assert.Empty(result.Warnings);
    }

    /// <summary>The real dpkg analyzer on a status file, its packages as an Ubuntu image's inventory labels them.</summary>
    private static async Task<IReadOnlyList<Package>> DpkgStatusAsync(string fixture)
    {
        var path = TestData.Path("packages", fixture);
        await using var content = File.OpenRead(path);
        var findings = new LayerFindings();
        await new DpkgAnalyzer().AnalyzeAsync(new LayerFile("var/lib/dpkg/status", content.Length, content, ScanLimits.Default), findings, default);
        return [.. findings.PackageSets.SelectMany(s => s.Packages).Select(p => p with { Ecosystem = Ecosystem.Ubuntu })];
    }
}
