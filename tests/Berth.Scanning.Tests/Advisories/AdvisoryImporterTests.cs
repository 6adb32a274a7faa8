using Berth.Core.Advisories;
using Berth.Scanning.Advisories;

namespace Berth.Scanning.Tests.Advisories;

[Collection(ImportedAdvisoriesCollection.Name)]
public sealed class AdvisoryImporterTests(ImportedAdvisories imported)
{
    [Fact]
    public void WholeTestdata_EveryAdvisoryOfTheOsvFeedsIsImported_WithdrawnOnesLeftOut()
    {
        var bySource = imported.Result.BySource;
        // SOURCES.md: 4291 Go records (17 withdrawn), 1206 RustSec (13 withdrawn), 2661 PyPA (10 withdrawn).
        Assert.Equal(4291 - 17, bySource["go-vulndb"]);
        Assert.Equal(1206 - 13, bySource["rustsec"]);
        Assert.Equal(2661 - 10, bySource["pypa"]);
        Assert.Equal(17 + 13 + 10, imported.Result.Withdrawn);
    }

    [Fact]
    public void WholeTestdata_OnlyTheDeliberatelyBrokenFilesAreErrors()
    {
        var errors = imported.Result.Errors.Select(e => Path.GetRelativePath(TestData.Path("advisories"), e.Path)).Order().ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("trivy-db", e));
        Assert.Contains(Path.Combine("trivy-db", "pkg", "vulnsrc", "alpine", "testdata", "sad", "vuln-list", "alpine", "ansible.json"), errors);
        Assert.Contains(errors, e => e.Contains("broken-cve", StringComparison.Ordinal));
        Assert.All(imported.Result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void WholeTestdata_LicencesAndReadmesAreSkipped_OtherFeedShapesListedAsUnrecognised()
    {
        Assert.True(imported.Result.Skipped >= 6); // LICENSE ×3, NOTICES, README.md ×2
        // Red Hat's Security Data API, OVAL and CSAF shapes are not read; Ubuntu's tracker and Debian's vuln-list folders are.
        Assert.Contains(imported.Result.Unrecognised, p => p.Contains(Path.Combine("vulnsrc", "redhat"), StringComparison.Ordinal));
        Assert.DoesNotContain(imported.Result.Unrecognised, p => p.EndsWith(Path.Combine("ubuntu", "CVE-2020-1234.json"), StringComparison.Ordinal));
        Assert.DoesNotContain(imported.Result.Unrecognised, p => p.Contains(Path.Combine("vulnsrc", "debian"), StringComparison.Ordinal));
        Assert.DoesNotContain(imported.Result.Unrecognised, p => p.Contains("golang-vulndb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sources_AreRecordedForVulndbStatus()
    {
        var sources = await imported.Store.ListSourcesAsync(default);

        Assert.Equal(["alpine-secdb", "debian-security-tracker", "go-vulndb", "pypa", "rustsec", "ubuntu-cve-tracker"], sources.Select(s => s.Name));
        Assert.Equal("https://ubuntu.com/security/cves", sources.Single(s => s.Name == "ubuntu-cve-tracker").Url);
        Assert.Equal("https://vuln.go.dev", sources.Single(s => s.Name == "go-vulndb").Url);
        Assert.Equal(imported.Result.BySource["alpine-secdb"], sources.Single(s => s.Name == "alpine-secdb").ImportedCount);
    }

    [Fact]
    public async Task GoAdvisory_StoredUnderGoStdlib_WithItsRangeAndAlias()
    {
        var row = Assert.Single(await imported.Store.FindByIdAsync("GO-2021-0069", default));

        Assert.Equal(("Go", "stdlib"), (row.Ecosystem, row.Package));
        Assert.Equal(["CVE-2020-28362"], row.Aliases);
        Assert.Equal("Panic during division of very large numbers in math/big", row.Summary);
        Assert.Equal("Unknown", row.Severity); // golang/vulndb carries no severity
        Assert.Null(row.Modified);              // the zero time the repository copy holds
        Assert.Equal(new DateTimeOffset(2021, 4, 14, 20, 4, 52, TimeSpan.Zero), row.Published);
        var entry = Assert.Single(AffectedPackageJson.Deserialize(row.Affected)!);
        Assert.Equal(["1.14.0-0", "1.14.12", "1.15.0-0", "1.15.5"], Assert.Single(entry.Ranges).Events.Select(e => e.Version));
    }

    [Fact]
    public async Task RustSecAdvisory_KeepsInformationalAndScoresItsCvss()
    {
        var row = Assert.Single(await imported.Store.FindByIdAsync("RUSTSEC-2019-0035", default));

        Assert.Equal(("crates.io", "rand_core"), (row.Ecosystem, row.Package));
        Assert.Equal("Critical", row.Severity);
        Assert.Equal(9.8, row.CvssScore);
        Assert.Equal("unsound", Assert.Single(AffectedPackageJson.Deserialize(row.Affected)!).Informational);
    }

    [Fact]
    public async Task PypaYamlAdvisory_IsStoredUnderItsPep503Name()
    {
        var row = Assert.Single(await imported.Store.FindByIdAsync("PYSEC-2023-62", default));

        Assert.Equal(("PyPI", "flask"), (row.Ecosystem, row.Package));
        Assert.Equal(["CVE-2023-30861", "GHSA-m2qf-hxjv-5gpq"], row.Aliases.Order());
        var entry = Assert.Single(AffectedPackageJson.Deserialize(row.Affected)!);
        Assert.Contains("2.0.0", entry.Versions);
        Assert.Contains(entry.Ranges, r => r.Type == RangeType.Ecosystem);
    }

    [Fact]
    public async Task AlpineSecdb_BusyboxFixInV311()
    {
        var rows = await imported.Store.FindAsync([new AdvisoryKey("Alpine:v3.11", "busybox")], default);

        // v3.11 lists CVE-2019-5747 under two fixes, 1.30.1-r2 and the backport 1.29.3-r10; both stay in one range.
        var row = Assert.Single(rows, r => r.Id == "CVE-2019-5747");
        var range = Assert.Single(Assert.Single(AffectedPackageJson.Deserialize(row.Affected)!).Ranges);
        Assert.Equal(
            [new RangeEvent(RangeEventKind.Introduced, "0"), new RangeEvent(RangeEventKind.Fixed, "1.30.1-r2"), new RangeEvent(RangeEventKind.Fixed, "1.29.3-r10")],
            range.Events);
        Assert.Equal("alpine-secdb", row.Source);
    }

    [Fact]
    public async Task AlpineSecdb_FixedVersionZero_MeansNotAffected_SoNoRow()
    {
        // v3.8/main.yaml lists secfixes "0" for db; those ids must not be stored as affecting db in v3.8.
        var rows = await imported.Store.FindAsync([new AdvisoryKey("Alpine:v3.8", "db")], default);

        Assert.All(rows, r => Assert.DoesNotContain(
            AffectedPackageJson.Deserialize(r.Affected)!.SelectMany(a => a.Ranges).SelectMany(x => x.Events), e => e.Version == "0" && e.Kind == RangeEventKind.Fixed));
    }

    [Fact]
    public async Task AlpineVulnListJson_IsReadWithItsBranch_AndExtraWordsDropped()
    {
        var rows = await imported.Store.FindAsync([new AdvisoryKey("Alpine:v3.12", "ansible")], default);

        Assert.Equal(
            ["CVE-2017-2616", "CVE-2019-14904", "CVE-2019-14905", "CVE-2020-1737", "CVE-2024-22195", "GHSA-f7r5-w49x-gxm3", "GHSA-h6cc-rc6q-23j4"],
            rows.Select(r => r.Id).Order(StringComparer.Ordinal));
    }
}
