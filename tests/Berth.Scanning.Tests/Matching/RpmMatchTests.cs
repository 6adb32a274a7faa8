using System.IO.Compression;
using Berth.Metadata.Sqlite;
using Berth.Scanning.Advisories;
using Berth.Scanning.Advisories.Importers;
using Berth.Scanning.Matching;
using Berth.Scanning.Packages;
using Berth.Scanning.Tests.Analyzers.Rpm;
using Microsoft.Data.Sqlite;

namespace Berth.Scanning.Tests.Matching;

/// <summary>
/// The real rpm databases of testdata/packages/rpm, read by the real analyzer, against OSV records in the shapes
/// osv.dev publishes for AlmaLinux, Rocky Linux, Red Hat, SUSE and Azure Linux (ecosystem strings, source-package
/// names, <c>upstream</c> CVE lists, epoch-qualified fixed versions), imported from zip archives as osv.dev serves
/// them per ecosystem into a real SQLite file.
/// </summary>
[Collection(RpmTestCollection.Name)]
public sealed class RpmMatchTests : IAsyncLifetime
{
    private static string Record(string id, string ecosystem, string name, string fixedVersion, string cve, string? extraAffected = null) =>
        $$"""
        {
          "schema_version": "1.6.0",
          "id": "{{id}}",
          "published": "2023-11-14T00:00:00Z",
          "modified": "2024-01-10T12:00:00Z",
          "upstream": ["{{cve}}"],
          "summary": "Moderate: {{name}} security update",
          "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"}],
          "affected": [
            {
              "package": {"ecosystem": "{{ecosystem}}", "name": "{{name}}", "purl": "pkg:rpm/{{name}}"},
              "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "{{fixedVersion}}"}]}]
            }{{extraAffected}}
          ]
        }
        """;

    private static string Affected(string ecosystem, string name, string fixedVersion) =>
        "," + $$"""
            {
              "package": {"ecosystem": "{{ecosystem}}", "name": "{{name}}"},
              "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "{{fixedVersion}}"}]}]
            }
        """;

    private static readonly Dictionary<string, string[]> Archives = new()
    {
        ["AlmaLinux"] =
        [
            Record("ALSA-2023:7252", "AlmaLinux:8", "util-linux", "2.32.1-43.el8", "CVE-2022-0563"),
            Record("ALSA-2023:4520", "AlmaLinux:8", "util-linux", "2.32.1-42.el8_8", "CVE-2021-37600"), // fixed exactly at the installed build
            Record("ALSA-2024:0100", "AlmaLinux:9", "util-linux", "2.37.4-15.el9", "CVE-2024-28085"),   // another major release
            Record("ALSA-2023:1000", "AlmaLinux:8", "libuuid", "2.32.1-50.el8", "CVE-2099-0001"),      // keyed by a binary name: not how AlmaLinux names packages
        ],
        ["Rocky Linux"] =
        [
            Record("RLSA-2024:0001", "Rocky Linux:9", "hello", "0.0.2-1", "CVE-2099-0002"),      // epoch 0 < the installed epoch 1
            Record("RLSA-2024:0002", "Rocky Linux:9", "hello", "1:0.0.2-1", "CVE-2099-0003"),    // epoch 1, newer version
            Record("RLSA-2024:0003", "Rocky Linux:9", "hello", "1:0.0.1-rls", "CVE-2099-0004"),  // the installed version itself
        ],
        ["Red Hat"] =
        [
            Record("RHSA-2023:7100", "Red Hat:enterprise_linux:8::baseos", "util-linux", "0:2.32.1-44.el8", "CVE-2022-0563",
                Affected("Red Hat:enterprise_linux:8::appstream", "util-linux", "0:2.32.1-44.el8") + Affected("Red Hat:enterprise_linux:9::baseos", "util-linux", "0:2.37.4-18.el9")),
            Record("RHBA-2023:7101", "Red Hat:enterprise_linux:8::baseos", "libuuid", "0:2.32.1-42.el8_8", "CVE-2099-0005"), // a binary rpm, at the fix
        ],
        ["SUSE"] =
        [
            Record("SUSE-SU-2022:1307-1", "SUSE:Linux Enterprise Server 15 SP3", "zlib", "1.2.11-3.24.1", "CVE-2018-25032",
                Affected("SUSE:Linux Enterprise Module for Basesystem 15 SP3", "zlib", "1.2.11-3.24.1")),
            Record("SUSE-SU-2023:0001-1", "SUSE:Linux Enterprise Server 15 SP4", "glibc", "2.31-150300.46.1", "CVE-2023-0001"), // SP4 only
            Record("SUSE-SU-2021:3385-1", "SUSE:Linux Enterprise Server 15 SP3", "glibc", "2.31-9.3.2", "CVE-2021-38604"),    // fixed at the installed build
        ],
        ["Azure Linux"] =
        [
            Record("AZL-10001", "Azure Linux:2", "curl", "7.76.0-7.cm2", "CVE-2021-22922"),
            Record("AZL-10002", "Azure Linux:2", "ca-certificates", "2.0.0-9.cm2", "CVE-2099-0006"),   // no epoch: older than 1:2.0.0-1
            Record("AZL-10003", "Azure Linux:2", "ca-certificates", "1:2.0.0-9.cm2", "CVE-2099-0007"), // same epoch, newer release
            Record("AZL-10004", "Azure Linux:3", "curl", "8.8.0-1.azl3", "CVE-2024-6197"),
        ],
    };

    private string _directory = null!;
    private SqliteDatabase _database = null!;
    private AdvisoryMatcher _matcher = null!;
    private AdvisoryImportResult _import = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("berth-rpm-match-").FullName;
        _database = new SqliteDatabase(Path.Combine(_directory, "berth.db"));
        await _database.MigrateAsync(default);
        var store = new SqliteAdvisoryStore(_database);
        var archives = new List<string>();
        foreach (var (ecosystem, records) in Archives)
        {
            var archive = Path.Combine(_directory, ecosystem + " all.zip");
            using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
            {
                foreach (var record in records)
                {
                    var id = System.Text.Json.JsonDocument.Parse(record).RootElement.GetProperty("id").GetString()!;
                    await using var writer = new StreamWriter(zip.CreateEntry(id + ".json").Open());
                    await writer.WriteAsync(record);
                }
            }
            archives.Add(archive);
        }
        _import = await new AdvisoryImporter(store).ImportAsync(archives, default);
        Assert.Empty(_import.Errors);
        _matcher = new AdvisoryMatcher(store);
    }

    public async Task DisposeAsync()
    {
        await using (var connection = await _database.OpenAsync(default)) SqliteConnection.ClearPool(connection);
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<IReadOnlyList<Package>> FixtureAsync(string sample, string databasePath)
    {
        var run = await RpmDatabaseRun.FixtureAsync(sample, databasePath);
        Assert.Empty(run.Warnings);
        return run.Packages;
    }

    private static IReadOnlyList<string> Ids(MatchResult result) => [.. result.Findings.Select(f => f.AdvisoryId).Order(StringComparer.Ordinal)];

    [Fact]
    public void Import_AttributesEachDistributionsRecordsToItsFeed()
    {
        Assert.Equal(4, _import.BySource["almalinux"]);
        Assert.Equal(3, _import.BySource["rocky-linux"]);
        Assert.Equal(2, _import.BySource["redhat"]);
        Assert.Equal(3, _import.BySource["suse"]);
        Assert.Equal(4, _import.BySource["azure-linux"]);
    }

    [Fact]
    public async Task Rhel8Libuuid_OnAlmaLinux8_MatchesBySourceRpm_BelowTheFixOnly()
    {
        var packages = await FixtureAsync("bdb-rhel8-libuuid", "var/lib/rpm/Packages");

        var result = await _matcher.MatchAsync(new OsRelease("alma", "8.9"), packages, default);

        Assert.Empty(result.Warnings);
        // ALSA-2023:4520 is fixed at the installed 2.32.1-42.el8_8; ALSA-2024:0100 is for AlmaLinux 9; ALSA-2023:1000 names
        // the binary, which AlmaLinux records never do, so it is not looked up.
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("ALSA-2023:7252", "libuuid", "util-linux", "AlmaLinux:8"), (finding.AdvisoryId, finding.PackageName, finding.AdvisoryPackage, finding.Ecosystem));
        Assert.Equal(("2.32.1-42.el8_8", AdvisoryStatus.Fixed), (finding.InstalledVersion, finding.Status));
        Assert.Equal(["2.32.1-43.el8"], finding.FixedVersions);
        Assert.Equal(["CVE-2022-0563"], finding.Aliases);
        Assert.Equal(("almalinux", Severity.Medium), (finding.Source, finding.Severity));
    }

    [Fact]
    public async Task Rhel8Libuuid_OnRhel8_OneFindingAcrossStreams_AndBinaryNamesLookedUp()
    {
        var packages = await FixtureAsync("bdb-rhel8-libuuid", "var/lib/rpm/Packages");

        var result = await _matcher.MatchAsync(new OsRelease("redhat", "8.8"), packages, default);

        // RHSA-2023:7100 lists BaseOS and AppStream: one finding. Its RHEL 9 entry is not RHEL 8's. RHBA-2023:7101 names
        // the binary libuuid (Red Hat records may) and is found through it, but the installed build is its fix.
        Assert.Equal(["RHSA-2023:7100"], Ids(result));
        var finding = result.Findings[0];
        Assert.Equal(["0:2.32.1-44.el8"], finding.FixedVersions);
        Assert.StartsWith("Red Hat:enterprise_linux:8::", finding.Ecosystem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rhel8Libuuid_OnRhel9_UsesTheRhel9Entry_AndOnRocky8_GetsNothing()
    {
        var packages = await FixtureAsync("bdb-rhel8-libuuid", "var/lib/rpm/Packages");

        var rhel9 = await _matcher.MatchAsync(new OsRelease("redhat", "9.4"), packages, default);
        var rocky8 = await _matcher.MatchAsync(new OsRelease("rocky", "8.9"), packages, default);

        var finding = Assert.Single(rhel9.Findings);
        Assert.Equal(("RHSA-2023:7100", "Red Hat:enterprise_linux:9::baseos"), (finding.AdvisoryId, finding.Ecosystem));
        Assert.Equal(["0:2.37.4-18.el9"], finding.FixedVersions);
        Assert.Empty(rocky8.Findings); // Rocky records here are for Rocky 9 only
        Assert.Empty(rocky8.Warnings); // covered, simply nothing to report
    }

    [Fact]
    public async Task Sles153Bci_MatchesItsServicePackOnly_OneFindingAcrossProducts()
    {
        var packages = await FixtureAsync("ndb-sles-15.3-bci", "usr/lib/sysimage/rpm/Packages.db");

        var result = await _matcher.MatchAsync(new OsRelease("sles", "15.3"), packages, default);

        Assert.Empty(result.Warnings);
        // zlib is listed for SLES 15 SP3 and the Basesystem module: one finding for libz1. glibc's SP4 record does not
        // apply to SP3, and its SP3 record is fixed at the installed 2.31-9.3.2.
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("SUSE-SU-2022:1307-1", "libz1", "zlib", "1.2.11-3.21.1"), (finding.AdvisoryId, finding.PackageName, finding.AdvisoryPackage, finding.InstalledVersion));
        Assert.Equal(["1.2.11-3.24.1"], finding.FixedVersions);
        Assert.Equal(["CVE-2018-25032"], finding.Aliases);
    }

    [Fact]
    public async Task Mariner2_CurlBelowTheFix_AndEpochsDecideForCaCertificates()
    {
        var packages = await FixtureAsync("sqlite-cbl-mariner-2.0", "var/lib/rpm/rpmdb.sqlite");
        var certificates = Assert.Single(packages, p => p.Name == "ca-certificates-base");
        Assert.Equal(("ca-certificates", "1:2.0.0-1.cm2"), (certificates.SourceName, certificates.SourceVersion));

        var result = await _matcher.MatchAsync(new OsRelease("cbl-mariner", "2.0"), packages, default);

        Assert.Empty(result.Warnings);
        // Every binary built from the curl source rpm (curl, libcurl…) is affected, each once.
        var curl = result.Findings.Where(f => f.AdvisoryId == "AZL-10001").ToList();
        Assert.Equal(packages.Where(p => p.SourceName == "curl").Select(p => p.Name).Order(), curl.Select(f => f.PackageName).Order());
        Assert.Contains(curl, f => (f.PackageName, f.InstalledVersion, f.Ecosystem) == ("curl", "7.76.0-6.cm2", "Azure Linux:2"));
        Assert.True(curl.Count >= 2);
        // AZL-10002's fix has no epoch (0), so the installed epoch 1 is newer; AZL-10003's has epoch 1 and a newer release.
        Assert.DoesNotContain(result.Findings, f => f.AdvisoryId == "AZL-10002");
        var epoch = result.Findings.Where(f => f.AdvisoryId == "AZL-10003").ToList();
        Assert.NotEmpty(epoch);
        Assert.All(epoch, f => Assert.Equal(["1:2.0.0-9.cm2"], f.FixedVersions));
        Assert.Contains(epoch, f => f.PackageName == "ca-certificates-base");
        Assert.DoesNotContain(result.Findings, f => f.AdvisoryId == "AZL-10004"); // Azure Linux 3's
    }

    [Fact]
    public async Task Fedora32EpochPackage_ComparedWithItsEpoch()
    {
        // The fixture's hello is a test build without a distribution vendor; taken here as if a distribution's package.
        var hello = Assert.Single(await FixtureAsync("bdb-fedora32-epoch", "var/lib/rpm/Packages")) with { ThirdParty = false };
        Assert.Equal("1:0.0.1-rls", hello.Version);

        var result = await _matcher.MatchAsync(new OsRelease("rocky", "9.3"), [hello], default);

        // 0.0.2-1 (epoch 0) < 1:0.0.1-rls, so RLSA-2024:0001 does not apply; 1:0.0.2-1 > it does; 1:0.0.1-rls is the installed one.
        Assert.Equal(["RLSA-2024:0002"], Ids(result));
        Assert.Equal(["1:0.0.2-1"], result.Findings[0].FixedVersions);
    }

    [Fact]
    public async Task Fedora_HasNoOsvEcosystem_SoItsPackagesAreReportedUnchecked()
    {
        var hello = Assert.Single(await FixtureAsync("bdb-fedora32-epoch", "var/lib/rpm/Packages")) with { ThirdParty = false };

        var result = await _matcher.MatchAsync(new OsRelease("fedora", "32"), [hello], default);

        Assert.Empty(result.Findings);
        Assert.Contains("were not checked", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }
}
