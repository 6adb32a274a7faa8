using Berth.Core.Advisories;
using Berth.Metadata.Sqlite;
using Berth.Metadata.Tests.Sqlite;

namespace Berth.Metadata.Tests.Advisories;

public sealed class SqliteAdvisoryStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Published = DateTimeOffset.FromUnixTimeSeconds(1618430692);

    private MetadataDatabase _db = null!;
    private SqliteAdvisoryStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await MetadataDatabase.CreateAsync();
        _store = new SqliteAdvisoryStore(_db.Database);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static AdvisoryRecord Record(string id, string ecosystem, string package, string severity = "High", string affected = "[]") =>
        new(id, "test-feed", ecosystem, package, affected, severity, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8,
            "summary of " + id, ["CVE-2020-28362", "GHSA-xxxx-yyyy-zzzz"], Published, null);

    [Fact]
    public async Task WriteAsync_ThenFind_GivesBackEveryFieldByEcosystemAndPackage()
    {
        var written = Record("GO-2021-0069", "Go", "stdlib", affected: """[{"ranges":[]}]""");
        await _store.WriteAsync([written, Record("GO-2021-0070", "Go", "golang.org/x/net")], [], default);

        var found = Assert.Single(await _store.FindAsync([new AdvisoryKey("Go", "stdlib")], default));

        Assert.Equal(written.Id, found.Id);
        Assert.Equal(written.Source, found.Source);
        Assert.Equal(written.Ecosystem, found.Ecosystem);
        Assert.Equal(written.Package, found.Package);
        Assert.Equal(written.Affected, found.Affected);
        Assert.Equal(written.Severity, found.Severity);
        Assert.Equal(written.CvssVector, found.CvssVector);
        Assert.Equal(written.CvssScore, found.CvssScore);
        Assert.Equal(written.Summary, found.Summary);
        Assert.Equal(written.Aliases, found.Aliases);
        Assert.Equal(Published, found.Published);
        Assert.Null(found.Modified);
    }

    [Fact]
    public async Task FindAsync_EcosystemIsPartOfTheKey()
    {
        await _store.WriteAsync([Record("CVE-2019-5747", "Alpine:v3.10", "busybox"), Record("CVE-2019-5747", "Alpine:v3.11", "busybox")], [], default);

        var found = await _store.FindAsync([new AdvisoryKey("Alpine:v3.11", "busybox"), new AdvisoryKey("Debian:12", "busybox")], default);

        Assert.Equal("Alpine:v3.11", Assert.Single(found).Ecosystem);
        Assert.Equal(2, await _store.CountAsync(default));
    }

    [Fact]
    public async Task WriteAsync_SameKeyAgain_ReplacesTheRow()
    {
        await _store.WriteAsync([Record("RUSTSEC-2019-0009", "crates.io", "smallvec", "Low")], [], default);
        await _store.WriteAsync([Record("RUSTSEC-2019-0009", "crates.io", "smallvec", "Critical")], [], default);

        var found = Assert.Single(await _store.FindAsync([new AdvisoryKey("crates.io", "smallvec")], default));
        Assert.Equal("Critical", found.Severity);
        Assert.Equal(1, await _store.CountAsync(default));
    }

    [Fact]
    public async Task WriteAsync_WithdrawnId_DeletesItsRowsInEveryPackage()
    {
        await _store.WriteAsync(
            [Record("GHSA-aaaa-bbbb-cccc", "npm", "left-pad"), Record("GHSA-aaaa-bbbb-cccc", "npm", "right-pad"), Record("GHSA-keep-keep-keep", "npm", "left-pad")],
            [], default);

        var changed = await _store.WriteAsync([], ["GHSA-aaaa-bbbb-cccc"], default);

        Assert.Equal(2, changed);
        Assert.Empty(await _store.FindByIdAsync("GHSA-aaaa-bbbb-cccc", default));
        Assert.Equal("GHSA-keep-keep-keep", Assert.Single(await _store.FindAsync([new AdvisoryKey("npm", "left-pad")], default)).Id);
    }

    [Fact]
    public async Task FindByIdAsync_ListsEveryPackageTheAdvisoryNames()
    {
        await _store.WriteAsync([Record("CVE-2023-5981", "Debian:12", "gnutls28"), Record("CVE-2023-5981", "Debian:11", "gnutls28")], [], default);

        var rows = await _store.FindByIdAsync("CVE-2023-5981", default);

        Assert.Equal(["Debian:11", "Debian:12"], rows.Select(r => r.Ecosystem));
    }

    [Fact]
    public async Task SetSourceAsync_KeepsTheLastImportPerFeed()
    {
        var first = new AdvisorySourceRecord("go-vulndb", "https://vuln.go.dev", 10, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var second = first with { ImportedCount = 4274, ImportedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_500_000) };
        await _store.SetSourceAsync(first, default);
        await _store.SetSourceAsync(second, default);
        await _store.SetSourceAsync(new AdvisorySourceRecord("alpine-secdb", "https://secdb.alpinelinux.org/", 3, second.ImportedAt), default);

        var sources = await _store.ListSourcesAsync(default);

        Assert.Equal(["alpine-secdb", "go-vulndb"], sources.Select(s => s.Name));
        Assert.Equal(second, sources[1]);
    }

    [Fact]
    public async Task WriteAsync_ManyRowsInOneBatch_AllLand()
    {
        var records = Enumerable.Range(0, 5000).Select(i => Record($"PYSEC-2024-{i}", "PyPI", $"pkg-{i % 50}")).ToList();

        await _store.WriteAsync(records, [], default);

        Assert.Equal(5000, await _store.CountAsync(default));
        Assert.Equal(100, (await _store.FindAsync([new AdvisoryKey("PyPI", "pkg-7")], default)).Count);
    }

    [Fact]
    public async Task Migration3_CreatesTheAdvisoryTables()
    {
        Assert.True(await _db.ScalarAsync<long>("PRAGMA user_version;") >= 3);
        var tables = await _db.CountRowsAsync();
        Assert.Equal(0, tables["advisory"]);
        Assert.Equal(0, tables["advisory_source"]);
    }
}
