using Berth.Core.Advisories;
using Berth.Metadata.Sqlite;
using Berth.Scanning.Advisories;
using Berth.Scanning.Advisories.Importers;
using Microsoft.Data.Sqlite;

namespace Berth.Scanning.Tests.Advisories;

/// <summary>The real trivy-db Debian fixtures in vuln-list's tracker layout, each case imported into its own SQLite file.</summary>
public sealed class DebianVulnListImportTests : IAsyncLifetime
{
    private string _directory = null!;
    private SqliteDatabase _database = null!;
    private SqliteAdvisoryStore _store = null!;

    private static string Case(string name) =>
        TestData.Path("advisories", "trivy-db", "pkg", "vulnsrc", "debian", "testdata", name, "vuln-list-debian", "tracker");

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("berth-vulnlist-").FullName;
        _database = new SqliteDatabase(Path.Combine(_directory, "berth.db"));
        await _database.MigrateAsync(default);
        _store = new SqliteAdvisoryStore(_database);
    }

    public async Task DisposeAsync()
    {
        await using (var connection = await _database.OpenAsync(default)) SqliteConnection.ClearPool(connection);
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<IReadOnlyList<(string Ecosystem, string Package, AffectedPackage Entry)>> EntriesAsync(string id)
    {
        var rows = await _store.FindByIdAsync(id, default);
        return [.. rows.SelectMany(r => AffectedPackageJson.Deserialize(r.Affected)!.Select(e => (r.Ecosystem, r.Package, e))).OrderBy(x => x.Ecosystem, StringComparer.Ordinal)];
    }

    private static string? Fix(AffectedPackage entry) =>
        entry.Ranges.SelectMany(r => r.Events).SingleOrDefault(e => e.Kind == RangeEventKind.Fixed)?.Version;

    [Fact]
    public async Task Happy_ImportsAsOneFolder_WithoutErrorsOrLeftovers()
    {
        var result = await new AdvisoryImporter(_store).ImportAsync([Case("happy")], default);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Unrecognised);
        Assert.Equal(8, result.Documents); // 6 CVE + 1 DLA + 1 DSA files
        Assert.Equal(result.Advisories, result.BySource["debian-security-tracker"]);
        Assert.Equal("https://security-tracker.debian.org/tracker/", Assert.Single(await _store.ListSourcesAsync(default)).Url);
    }

    [Fact]
    public async Task Cve20213450_FixedInUnstableAndBullseye_BusterAndStretchNotAffected_Openssl10Nothing()
    {
        await new AdvisoryImporter(_store).ImportAsync([Case("happy")], default);

        var entries = await EntriesAsync("CVE-2021-3450");

        // Bullseye has no line of its own; its archive ships openssl 1.1.1k-1, which has sid's fix.
        Assert.Equal([("Debian:11", "openssl", "1.1.1k-1"), ("Debian:sid", "openssl", "1.1.1k-1")], entries.Select(e => (e.Ecosystem, e.Package, Fix(e.Entry))));
        Assert.Equal("The X509_V_FLAG_X509_STRICT flag enables additional security checks of ...", (await _store.FindByIdAsync("CVE-2021-3450", default))[0].Summary);
    }

    [Fact]
    public async Task Cve202133560_ReleaseLines_DlaOverridesNoDsa_AndTheArchiveDecidesBullseye()
    {
        await new AdvisoryImporter(_store).ImportAsync([Case("happy")], default);

        var entries = await EntriesAsync("CVE-2021-33560");

        Assert.Equal(
            [("Debian:10", "1.8.4-5+deb10u1"), ("Debian:11", "1.8.7-6"), ("Debian:9", "1.7.6-2+deb9u4"), ("Debian:sid", "1.8.7-6")],
            entries.Select(e => (e.Ecosystem, Fix(e.Entry))));
        Assert.All(entries, e => Assert.Equal("libgcrypt20", e.Package));
    }

    [Fact]
    public async Task Cve202129629_Unfixed_IgnoredIsWillNotFix_UrgencyIsThePackageSeverity()
    {
        await new AdvisoryImporter(_store).ImportAsync([Case("happy")], default);

        var entries = await EntriesAsync("CVE-2021-29629");

        // stretch is not-affected; buster's line is <ignored>; sid is <unfixed> with urgency unimportant.
        Assert.Equal([("Debian:10", AdvisoryStatus.WillNotFix), ("Debian:sid", AdvisoryStatus.Affected)], entries.Select(e => (e.Ecosystem, e.Entry.Status!.Value)));
        Assert.All(entries, e => Assert.Null(Fix(e.Entry)));
        Assert.All(await _store.FindByIdAsync("CVE-2021-29629", default), r => Assert.Equal("Low", r.Severity));
    }

    [Fact]
    public async Task Cve20208631_NoDsaInBullseye_IsFixedBySidsVersionTheArchiveShips_StretchStaysAffected()
    {
        await new AdvisoryImporter(_store).ImportAsync([Case("happy")], default);

        var entries = await EntriesAsync("CVE-2020-8631");

        Assert.Equal([("Debian:11", "19.4-2", (AdvisoryStatus?)null), ("Debian:9", null, AdvisoryStatus.Affected), ("Debian:sid", "19.4-2", null)],
            entries.Select(e => (e.Ecosystem, Fix(e.Entry), e.Entry.Status)));
    }

    [Fact]
    public async Task DsaWithoutCves_IsItsOwnAdvisory_AndNotAffectedEverywhereGivesNothing()
    {
        await new AdvisoryImporter(_store).ImportAsync([Case("happy")], default);

        var dsa = Assert.Single(await EntriesAsync("DSA-3714-1"));
        Assert.Equal(("Debian:8", "akonadi", "1.13.0-2+deb8u2"), (dsa.Ecosystem, dsa.Package, Fix(dsa.Entry)));
        Assert.Empty(await _store.FindByIdAsync("CVE-2016-4606", default)); // curl <not-affected> in sid, so in every release
        var gnutls = await EntriesAsync("CVE-2023-5981");
        Assert.Equal([("Debian:11", "3.7.1-5+deb11u5"), ("Debian:12", "3.7.9-2+deb12u1"), ("Debian:sid", "3.8.2-1")], gnutls.Select(e => (e.Ecosystem, Fix(e.Entry))));
    }

    [Fact]
    public async Task BrokenCve_IsReportedByFile_AndNothingElseFails()
    {
        var result = await new AdvisoryImporter(_store).ImportAsync([Case("broken-cve")], default);

        var error = Assert.Single(result.Errors);
        Assert.EndsWith(Path.Combine("CVE", "CVE-2021-33560.json"), error.Path, StringComparison.Ordinal);
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Advisories);
    }

    [Fact]
    public async Task BrokenDistributions_IsReported_AndTheKnownCodenamesStandIn()
    {
        var folder = Path.Combine(_directory, "tracker");
        Directory.CreateDirectory(Path.Combine(folder, "CVE"));
        File.Copy(Path.Combine(Case("broken-distributions"), "distributions.json"), Path.Combine(folder, "distributions.json"));
        File.Copy(Path.Combine(Case("happy"), "CVE", "CVE-2023-5981.json"), Path.Combine(folder, "CVE", "CVE-2023-5981.json"));

        var result = await new AdvisoryImporter(_store).ImportAsync([folder], default);

        var error = Assert.Single(result.Errors);
        Assert.EndsWith("distributions.json", error.Path, StringComparison.Ordinal);
        Assert.Contains("known Debian releases", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Debian:11", "Debian:12", "Debian:sid"], (await EntriesAsync("CVE-2023-5981")).Select(e => e.Ecosystem));
    }

    [Fact]
    public async Task BrokenPackages_BothSourcesFilesReported()
    {
        var result = await new AdvisoryImporter(_store).ImportAsync([Case("broken-packages")], default);

        Assert.Equal(
            [Path.Combine("source", "bullseye", "main", "Sources.json"), Path.Combine("updates-source", "bullseye", "main", "Sources.json")],
            result.Errors.Select(e => Path.GetRelativePath(Case("broken-packages"), e.Path)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ParentFolder_FindsTheTrackerInside()
    {
        var result = await new AdvisoryImporter(_store).ImportAsync([TestData.Path("advisories", "trivy-db", "pkg", "vulnsrc", "debian")], default);

        Assert.Equal(4, result.Errors.Count); // broken-cve's CVE, broken-distributions', broken-packages' two Sources files
        Assert.NotEmpty(await _store.FindAsync([new AdvisoryKey("Debian:11", "openssl")], default));
        Assert.Empty(result.Unrecognised);
    }
}
