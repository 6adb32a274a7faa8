using System.Text;
using Berth.Metadata.Sqlite;
using Berth.Scanning.Advisories;
using Berth.Scanning.Advisories.Importers;
using Berth.Scanning.Matching;
using Berth.Scanning.Packages;
using Microsoft.Data.Sqlite;

namespace Berth.Scanning.Tests.Matching;

/// <summary>
/// Debian packages against a Debian tracker document (the testdata has no tracker JSON, only trivy's
/// vuln-list shape), imported into a real SQLite file.
/// </summary>
public sealed class DebianMatchTests : IAsyncLifetime
{
    private const string Tracker =
        """
        {
          "openssl": {
            "CVE-2024-5535": {"description": "SSL_select_next_proto buffer overread",
              "releases": {"bookworm": {"status": "resolved", "fixed_version": "3.0.14-1~deb12u1", "urgency": "not yet assigned"},
                           "bullseye": {"status": "resolved", "fixed_version": "1.1.1w-0+deb11u2", "urgency": "low"}}},
            "CVE-2010-0928": {"description": "fault-based attack on RSA",
              "releases": {"bookworm": {"status": "open", "urgency": "unimportant", "nodsa": "Minor issue", "nodsa_reason": "ignored"}}}
          },
          "zlib": {
            "CVE-2023-45853": {"releases": {"bookworm": {"status": "resolved", "fixed_version": "0", "urgency": "not yet assigned"}}}
          },
          "docker-ce": {
            "CVE-2099-0001": {"releases": {"bookworm": {"status": "open", "urgency": "high"}}}
          }
        }
        """;

    private string _directory = null!;
    private SqliteDatabase _database = null!;
    private AdvisoryMatcher _matcher = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("berth-debian-").FullName;
        _database = new SqliteDatabase(Path.Combine(_directory, "berth.db"));
        await _database.MigrateAsync(default);
        var store = new SqliteAdvisoryStore(_database);
        var tracker = Path.Combine(_directory, "tracker.json");
        await File.WriteAllTextAsync(tracker, Tracker);
        var result = await new AdvisoryImporter(store).ImportAsync([tracker], default);
        Assert.Empty(result.Errors);
        _matcher = new AdvisoryMatcher(store);
    }

    public async Task DisposeAsync()
    {
        await using (var connection = await _database.OpenAsync(default)) SqliteConnection.ClearPool(connection);
        Directory.Delete(_directory, recursive: true);
    }

    private static Package Deb(string name, string version, string? source = null, string? sourceVersion = null, bool thirdParty = false) => new()
    {
        Name = name, Version = version, Ecosystem = Ecosystem.Debian, SourceName = source, SourceVersion = sourceVersion, ThirdParty = thirdParty,
    };

    [Fact]
    public async Task BinaryPackage_MatchesBySourceNameAndSourceVersion()
    {
        var libssl = Deb("libssl3", "3.0.11-1~deb12u2", "openssl", "3.0.11-1~deb12u2");

        var result = await _matcher.MatchAsync(new OsRelease("debian", "12.5"), [libssl], default);

        var fixable = Assert.Single(result.Findings, f => f.AdvisoryId == "CVE-2024-5535");
        Assert.Equal(("libssl3", "openssl", "Debian:12"), (fixable.PackageName, fixable.AdvisoryPackage, fixable.Ecosystem));
        Assert.Equal(["3.0.14-1~deb12u1"], fixable.FixedVersions);
        Assert.Equal((AdvisoryStatus.Fixed, Severity.Unknown), (fixable.Status, fixable.Severity));
        Assert.Null(fixable.ComparedVersion); // source version equals the installed one
        var ignored = Assert.Single(result.Findings, f => f.AdvisoryId == "CVE-2010-0928");
        Assert.Equal((AdvisoryStatus.WillNotFix, Severity.Low, false), (ignored.Status, ignored.Severity, ignored.Fixable));
    }

    [Fact]
    public async Task SourceVersionAtTheFix_IsNotAffected_AndTheBinaryVersionDoesNotMatter()
    {
        // A binNMU: binary version differs, the source version is what the tracker's fix is about.
        var libssl = Deb("libssl3", "3.0.14-1~deb12u1+b1", "openssl", "3.0.14-1~deb12u1");

        var result = await _matcher.MatchAsync(new OsRelease("debian", "12.5"), [libssl], default);

        Assert.DoesNotContain(result.Findings, f => f.AdvisoryId == "CVE-2024-5535");
    }

    [Fact]
    public async Task ReleaseBucket_IsTheMajorVersion()
    {
        var openssl = Deb("openssl", "1.1.1n-0+deb11u5");

        var result = await _matcher.MatchAsync(new OsRelease("debian", "11.9"), [openssl], default);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("CVE-2024-5535", "Debian:11", Severity.Low), (finding.AdvisoryId, finding.Ecosystem, finding.Severity));
        Assert.Equal(["1.1.1w-0+deb11u2"], finding.FixedVersions);
    }

    [Fact]
    public async Task NeverAffectedAndThirdParty_GiveNothing()
    {
        var result = await _matcher.MatchAsync(new OsRelease("debian", "12.5"),
            [Deb("zlib1g", "1:1.2.13.dfsg-1", "zlib", "1:1.2.13.dfsg-1"), Deb("docker-ce", "5:27.0.3-1~debian.12~bookworm", thirdParty: true)], default);

        Assert.Empty(result.Findings);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task UbuntuPackages_AreNotMatchedAgainstDebianData()
    {
        Package ubuntu = new() { Name = "libssl3", Version = "3.0.2-0ubuntu1.15", Ecosystem = Ecosystem.Ubuntu, SourceName = "openssl" };

        var result = await _matcher.MatchAsync(new OsRelease("ubuntu", "22.04"), [ubuntu], default);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task UnknownOs_IsAWarning_NotAGuess()
    {
        var result = await _matcher.MatchAsync(null, [Deb("openssl", "3.0.11-1~deb12u2")], default);

        Assert.Empty(result.Findings);
        Assert.Contains("operating system is unknown", Assert.Single(result.Warnings));
    }

    [Fact]
    public async Task InvalidInstalledVersion_IsAWarning()
    {
        var result = await _matcher.MatchAsync(new OsRelease("debian", "12"), [Deb("openssl", "not a version!")], default);

        Assert.Empty(result.Findings);
        Assert.Contains("not a valid dpkg version", Assert.Single(result.Warnings));
    }

    [Fact]
    public async Task MissingVersionScheme_IsAWarning()
    {
        var matcher = new AdvisoryMatcher(new SqliteAdvisoryStore(_database), _ => null);

        var result = await matcher.MatchAsync(new OsRelease("debian", "12"), [Deb("openssl", "3.0.11-1~deb12u2")], default);

        Assert.Contains("no version scheme", Assert.Single(result.Warnings));
    }
}
