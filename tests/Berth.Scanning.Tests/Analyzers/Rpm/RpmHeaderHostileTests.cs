namespace Berth.Scanning.Tests.Analyzers.Rpm;

/// <summary>Header blobs that lie about their own counts and lengths, served from an otherwise sound SQLite rpmdb.</summary>
[Collection(RpmTestCollection.Name)]
public sealed class RpmHeaderHostileTests
{
    private const int BaseNames = 1117;
    private const int DirNames = 1118;
    private const int DirIndexes = 1116;

    public static TheoryData<string, byte[]> BrokenHeaders() => new()
    {
        { "declares", HeaderBlobBuilder.Package("absurd").Build(indexCount: int.MaxValue, dataLength: int.MaxValue) },
        { "declares", HeaderBlobBuilder.Package("negative").Build(indexCount: -1) },
        { "declares", HeaderBlobBuilder.Package("long-data").Build(dataLength: 1 << 29) },
        { "shorter than its 8-byte preamble", [0, 0, 0] },
        { "name or version", new HeaderBlobBuilder().Raw(1000, 6, 0xfffffff0, 1).String(1001, "1.0").Build() },
        { "name or version", new HeaderBlobBuilder().String(1001, "1").RawData("no-terminator"u8.ToArray(), out var at).Raw(1000, 6, at, 1).Build() },
        { "name or version", new HeaderBlobBuilder().Raw(1000, 4, 0, 1).String(1001, "1").Build() },
    };

    [Theory]
    [MemberData(nameof(BrokenHeaders))]
    public async Task A_header_that_lies_about_its_size_is_a_warning_and_the_others_are_still_read(string expected, byte[] broken)
    {
        var database = await SqliteRpmDatabase.CreateAsync([HeaderBlobBuilder.Package("before").Build(), broken, HeaderBlobBuilder.Package("after").Build()]);

        var run = await RpmDatabaseRun.BytesAsync(database, "var/lib/rpm/rpmdb.sqlite");

        Assert.Equal(["before", "after"], run.Packages.Select(p => p.Name));
        var warning = Assert.Single(run.Warnings);
        Assert.Contains(expected, warning);
        Assert.StartsWith("rpm database var/lib/rpm/rpmdb.sqlite: ", warning);
    }

    public static TheoryData<string, byte[]> BrokenFileLists() => new()
    {
        { "claims 2147483647 strings", HeaderBlobBuilder.Package("count").Raw(BaseNames, 8, 0, int.MaxValue).StringArray(DirNames, "/usr/").Int32(DirIndexes, 0).Build() },
        { "claims 4294967295 integers", HeaderBlobBuilder.Package("ints").StringArray(BaseNames, "a").StringArray(DirNames, "/usr/").Raw(DirIndexes, 4, 0, uint.MaxValue).Build() },
        { "points at directory 7", HeaderBlobBuilder.Package("index").StringArray(BaseNames, "a").StringArray(DirNames, "/usr/").Int32(DirIndexes, 7).Build() },
        { "1 base names but 2 directory indexes", HeaderBlobBuilder.Package("mismatch").StringArray(BaseNames, "a").StringArray(DirNames, "/usr/").Int32(DirIndexes, 0, 0).Build() },
        // One 4000-character directory shared by 100,000 one-letter files: 400 MB of paths from a 0.5 MB header.
        { "implausibly long paths", HeaderBlobBuilder.Package("amplified")
            .StringArray(BaseNames, Enumerable.Repeat("a", 100_000).ToArray())
            .StringArray(DirNames, "/" + new string('d', 3998) + "/")
            .Int32(DirIndexes, new uint[100_000]).Build() },
    };

    [Theory]
    [MemberData(nameof(BrokenFileLists))]
    public async Task A_damaged_file_list_keeps_the_package_and_drops_its_files(string expected, byte[] header)
    {
        var database = await SqliteRpmDatabase.CreateAsync([header]);

        var run = await RpmDatabaseRun.BytesAsync(database, "var/lib/rpm/rpmdb.sqlite");

        Assert.Single(run.Packages);
        Assert.Empty(run.InstalledFiles);
        Assert.Contains(expected, Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task A_view_named_Packages_is_refused_before_it_can_compute()
    {
        // Endless rows of 1 MB blobs: reading this would never finish.
        var database = await SqliteRpmDatabase.CreateAsync([],
            "CREATE VIEW Packages AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT zeroblob(1000000) AS blob FROM c");

        var run = await RpmDatabaseRun.BytesAsync(database, "var/lib/rpm/rpmdb.sqlite");

        Assert.Empty(run.Packages);
        Assert.Contains("Packages is a view, not a table", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task A_computed_blob_column_is_refused()
    {
        var database = await SqliteRpmDatabase.CreateAsync([],
            "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY, n INTEGER, blob BLOB GENERATED ALWAYS AS (zeroblob(n))); INSERT INTO Packages (n) VALUES (900000000)");

        var run = await RpmDatabaseRun.BytesAsync(database, "var/lib/rpm/rpmdb.sqlite");

        Assert.Empty(run.Packages);
        Assert.Contains("computed", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task Rows_holding_no_blob_are_warnings()
    {
        var database = await SqliteRpmDatabase.CreateAsync([HeaderBlobBuilder.Package("real").Build()],
            "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB); INSERT INTO Packages (blob) VALUES (42), ('text'), (NULL), (3.5)");

        var run = await RpmDatabaseRun.BytesAsync(database, "var/lib/rpm/rpmdb.sqlite");

        Assert.Equal(["real"], run.Packages.Select(p => p.Name));
        Assert.Equal(4, run.Warnings.Count);
        Assert.Contains(run.Warnings, w => w.EndsWith("a Packages row has no blob"));
    }
}
