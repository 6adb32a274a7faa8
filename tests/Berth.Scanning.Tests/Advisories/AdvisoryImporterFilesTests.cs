using System.IO.Compression;
using System.Text;
using Berth.Core.Advisories;
using Berth.Metadata.Sqlite;
using Berth.Scanning.Advisories.Importers;
using Microsoft.Data.Sqlite;

namespace Berth.Scanning.Tests.Advisories;

/// <summary>The importer on hand-made folders and archives built from real records, each into its own SQLite file.</summary>
public sealed class AdvisoryImporterFilesTests : IAsyncLifetime
{
    private string _directory = null!;
    private SqliteDatabase _database = null!;
    private SqliteAdvisoryStore _store = null!;

    private string Input => Path.Combine(_directory, "input");

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("berth-import-").FullName;
        Directory.CreateDirectory(Input);
        _database = new SqliteDatabase(Path.Combine(_directory, "berth.db"));
        await _database.MigrateAsync(default);
        _store = new SqliteAdvisoryStore(_database);
    }

    public async Task DisposeAsync()
    {
        await using (var connection = await _database.OpenAsync(default)) SqliteConnection.ClearPool(connection);
        Directory.Delete(_directory, recursive: true);
    }

    private static string Go(string id) => TestData.Path("advisories", "golang-vulndb", "data", "osv", id + ".json");

    private static string Rust(string id) => TestData.Path("advisories", "rustsec-advisory-db-osv", "crates", id + ".json");

    [Fact]
    public async Task Zip_AsOsvDevPublishesIt_EntriesImported_BadEntryReported()
    {
        var archive = Path.Combine(Input, "all.zip");
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(Go("GO-2021-0069"), "GO-2021-0069.json");
            zip.CreateEntryFromFile(Rust("RUSTSEC-2019-0009"), "RUSTSEC-2019-0009.json");
            zip.CreateEntryFromFile(TestData.Path("advisories", "pypa-advisory-database", "vulns", "flask", "PYSEC-2023-62.yaml"), "flask/PYSEC-2023-62.yaml");
            await using (var broken = new StreamWriter(zip.CreateEntry("GO-2099-9999.json").Open())) await broken.WriteAsync("{\"id\": \"GO-2099-9999\",");
            zip.CreateEntry("notes/");
        }

        var result = await new AdvisoryImporter(_store).ImportAsync([archive], default);

        Assert.Equal(3, result.Advisories);
        Assert.Equal(3, await _store.CountAsync(default));
        var error = Assert.Single(result.Errors);
        Assert.Equal(archive + "!/GO-2099-9999.json", error.Path);
        Assert.Single(await _store.FindAsync([new AdvisoryKey("PyPI", "flask")], default));
    }

    [Fact]
    public async Task Zip_EntryOverTheLimit_IsReportedAndSkipped()
    {
        var archive = Path.Combine(Input, "big.zip");
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(Go("GO-2021-0069"), "GO-2021-0069.json");
            await using var big = new StreamWriter(zip.CreateEntry("huge.json").Open());
            await big.WriteAsync("[" + string.Join(",", Enumerable.Repeat("0", 40_000)) + "]");
        }

        var result = await new AdvisoryImporter(_store, new AdvisoryImportLimits { MaxDocumentBytes = 32 * 1024 }).ImportAsync([archive], default);

        Assert.Equal(1, result.Advisories);
        Assert.Contains("limit", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task NotAZip_IsReported()
    {
        var archive = Path.Combine(Input, "fake.zip");
        await File.WriteAllTextAsync(archive, "this is not a zip");

        var result = await new AdvisoryImporter(_store).ImportAsync([archive], default);

        Assert.Equal(archive, Assert.Single(result.Errors).Path);
    }

    [Fact]
    public async Task Folder_MalformedFileReported_OthersImported_InSmallBatches()
    {
        var nested = Directory.CreateDirectory(Path.Combine(Input, "a", "b")).FullName;
        foreach (var id in new[] { "GO-2021-0069", "GO-2024-3105", "GO-2024-2963" }) File.Copy(Go(id), Path.Combine(nested, id + ".json"));
        File.Copy(TestData.Path("advisories", "alpine-secdb", "v3.11", "main.yaml"), Path.Combine(Input, "main.yaml"));
        await File.WriteAllTextAsync(Path.Combine(Input, "broken.yaml"), "id: [oops\n");
        await File.WriteAllTextAsync(Path.Combine(Input, "README.md"), "not an advisory");

        var result = await new AdvisoryImporter(_store, new AdvisoryImportLimits { BatchRows = 7 }).ImportAsync([Input], default);

        Assert.EndsWith("broken.yaml", Assert.Single(result.Errors).Path);
        Assert.Equal(1, result.Skipped);
        Assert.Equal(3, result.BySource["go-vulndb"]);
        Assert.Equal(result.Rows, await _store.CountAsync(default));
        Assert.Equal(3, (await _store.FindAsync([new AdvisoryKey("Go", "stdlib")], default)).Count);
        Assert.NotEmpty(await _store.FindAsync([new AdvisoryKey("Alpine:v3.11", "musl")], default));
    }

    [Fact]
    public async Task DebianTrackerFile_IsStreamedIntoRowsPerRelease()
    {
        var tracker = Path.Combine(Input, "debian.json");
        // Encoding.UTF8 writes a byte-order mark, as some tools do; detection and streaming must look past it.
        await File.WriteAllTextAsync(tracker, """
            {"gnutls28": {"CVE-2023-5981": {"description": "timing side-channel in RSA-PSK",
              "releases": {"bookworm": {"status": "resolved", "fixed_version": "3.7.9-2+deb12u1", "urgency": "medium"},
                           "bullseye": {"status": "open", "urgency": "low", "nodsa": "Minor issue", "nodsa_reason": "postponed"}}}}}
            """, Encoding.UTF8);

        var result = await new AdvisoryImporter(_store).ImportAsync([tracker], default);

        Assert.Empty(result.Errors);
        Assert.Equal(1, result.BySource["debian-security-tracker"]);
        var rows = await _store.FindByIdAsync("CVE-2023-5981", default);
        Assert.Equal([("Debian:11", "Low"), ("Debian:12", "Medium")], rows.Select(r => (r.Ecosystem, r.Severity)));
        Assert.Equal("https://security-tracker.debian.org/tracker/", (await _store.ListSourcesAsync(default)).Single().Url);
    }

    [Fact]
    public async Task WithdrawnRecord_RemovesRowsAnEarlierImportWrote()
    {
        var record = Path.Combine(Input, "GO-2021-0069.json");
        File.Copy(Go("GO-2021-0069"), record);
        await new AdvisoryImporter(_store).ImportAsync([record], default);
        var text = await File.ReadAllTextAsync(record);
        await File.WriteAllTextAsync(record, text.Replace("\"modified\":", "\"withdrawn\": \"2025-01-01T00:00:00Z\", \"modified\":", StringComparison.Ordinal));

        var result = await new AdvisoryImporter(_store).ImportAsync([record], default);

        Assert.Equal((0, 1), (result.Advisories, result.Withdrawn));
        Assert.Equal(0, await _store.CountAsync(default));
    }

    [Fact]
    public async Task MissingPath_IsReported()
    {
        var result = await new AdvisoryImporter(_store).ImportAsync([Path.Combine(Input, "nope")], default);

        Assert.Contains("no such", Assert.Single(result.Errors).Message);
    }
}
