using System.Buffers.Binary;
using Berth.Scanning.Analyzers.Rpm;
using Berth.Scanning.Layers;

namespace Berth.Scanning.Tests.Analyzers.Rpm;

/// <summary>Damaged and crafted database files: each ends in warnings, never an exception, a hang or a huge allocation.</summary>
[Collection(RpmTestCollection.Name)]
public sealed class RpmDatabaseHostileTests
{
    private const string LibuuidSample = "bdb-rhel8-libuuid";
    private const string BerkeleyPath = "var/lib/rpm/Packages";
    private const string NdbSample = "ndb-sles-15.3-bci";
    private const string NdbPath = "usr/lib/sysimage/rpm/Packages.db";

    private static byte[] Fixture(string sample, string path) => File.ReadAllBytes(TestData.Path("packages", "rpm", sample, path));

    public static TheoryData<string, string, int, double> Truncations()
    {
        var data = new TheoryData<string, string, int, double>();
        foreach (var (sample, path, count) in new[]
                 {
                     ("sqlite-cbl-mariner-2.0", "var/lib/rpm/rpmdb.sqlite", 129),
                     (NdbSample, NdbPath, 35),
                     (LibuuidSample, BerkeleyPath, 1),
                     ("bdb-fedora32-epoch", BerkeleyPath, 1),
                 })
        {
            foreach (var fraction in new[] { 0.0, 0.001, 0.5, 0.9 })
                data.Add(sample, path, count, fraction);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Truncations))]
    public async Task A_truncated_database_is_reported(string sample, string path, int fullCount, double fraction)
    {
        var whole = Fixture(sample, path);
        var truncated = whole[..(int)(whole.Length * fraction)];

        var run = await RpmDatabaseRun.BytesAsync(truncated, path);

        Assert.NotEmpty(run.Warnings);
        Assert.True(run.Packages.Count < fullCount, $"{run.Packages.Count} packages from a truncated database of {fullCount}");
    }

    public static TheoryData<string, int> RandomDatabases()
    {
        var data = new TheoryData<string, int>();
        foreach (var format in new[] { "sqlite", "ndb", "bdb" })
        {
            for (var seed = 1; seed <= 12; seed++)
                data.Add(format, seed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RandomDatabases))]
    public async Task Random_bytes_behind_the_right_magic_are_reported(string format, int seed)
    {
        var random = new Random(seed);
        var bytes = format switch
        {
            "sqlite" => RandomRpmDatabase.Sqlite(random),
            "ndb" => RandomRpmDatabase.Ndb(random),
            _ => RandomRpmDatabase.Berkeley(random),
        };

        var run = await RpmDatabaseRun.BytesAsync(bytes, "var/lib/rpm/" + format);

        Assert.NotEmpty(run.Warnings);
        Assert.Empty(run.Packages);
        Assert.True(run.Warnings.Count <= 21, $"{run.Warnings.Count} warnings; the list is capped at 20 plus a count");
    }

    [Theory]
    [InlineData(22, 3)] // the last overflow page leads back to the first
    [InlineData(10, 10)] // a page that is its own successor
    [InlineData(22, 22)]
    public async Task An_overflow_page_cycle_ends_with_a_warning(int page, int next)
    {
        var bytes = Fixture(LibuuidSample, BerkeleyPath);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(page * 4096 + 16), (uint)next);

        var run = await RpmDatabaseRun.BytesAsync(bytes, BerkeleyPath);

        Assert.Empty(run.Packages);
        Assert.Contains("a second time (a page cycle)", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task An_off_page_item_claiming_more_bytes_than_the_file_is_refused_before_allocating()
    {
        var bytes = Fixture(LibuuidSample, BerkeleyPath);
        // Page 2, item 1 is the off-page header record {type 3, pad, pgno, tlen}; give it a 4 GB length.
        var itemOffset = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * 4096 + 26 + 2));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(2 * 4096 + itemOffset + 8), uint.MaxValue);

        var run = await RpmDatabaseRun.BytesAsync(bytes, BerkeleyPath);

        Assert.Empty(run.Packages);
        Assert.Contains("claims 4294967295 bytes", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task An_ndb_slot_pointing_past_the_file_loses_only_its_own_package()
    {
        var bytes = Fixture(NdbSample, NdbPath);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(2 * 16 + 8), 0x7fffffff); // slot 2's block offset

        var run = await RpmDatabaseRun.BytesAsync(bytes, NdbPath);

        Assert.Equal(34, run.Packages.Count);
        Assert.Contains("outside the blob area", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task An_ndb_blob_longer_than_its_blocks_is_refused()
    {
        var bytes = Fixture(NdbSample, NdbPath);
        var blobStart = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(2 * 16 + 8)) * 16;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)blobStart + 12), 0x7fffffff);

        var run = await RpmDatabaseRun.BytesAsync(bytes, NdbPath);

        Assert.Equal(34, run.Packages.Count);
        Assert.Contains("does not fit", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task A_database_over_the_size_limit_is_reported_and_not_read()
    {
        var path = TestData.Path("packages", "rpm", NdbSample, NdbPath);

        var run = await RpmDatabaseRun.FileAsync(path, NdbPath, new ScanLimits { MaxAnalyzedFileBytes = 100_000 });

        Assert.Empty(run.Packages);
        Assert.Contains("100000-byte limit", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task A_file_of_no_known_format_is_reported()
    {
        var run = await RpmDatabaseRun.BytesAsync("this is not a database at all"u8.ToArray(), BerkeleyPath);

        Assert.Empty(run.Packages);
        Assert.Contains("not an SQLite, NDB or BerkeleyDB hash database", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task The_temporary_copy_is_deleted_afterwards()
    {
        static string[] Copies() => Directory.GetDirectories(Path.GetTempPath(), "berth-rpm-*");
        var before = Copies();

        await RpmDatabaseRun.FixtureAsync("sqlite-cbl-mariner-2.0", "var/lib/rpm/rpmdb.sqlite");
        await RpmDatabaseRun.BytesAsync([1, 2, 3], BerkeleyPath);

        Assert.Equal(before.Order(), Copies().Order());
    }

    [Theory]
    [InlineData("var/lib/rpm/Packages", true)]
    [InlineData("var/lib/rpm/Packages.db", true)]
    [InlineData("var/lib/rpm/rpmdb.sqlite", true)]
    [InlineData("usr/lib/sysimage/rpm/Packages", true)]
    [InlineData("usr/lib/sysimage/rpm/Packages.db", true)]
    [InlineData("usr/lib/sysimage/rpm/rpmdb.sqlite", true)]
    [InlineData("usr/share/rpm/rpmdb.sqlite", true)]
    [InlineData("/var/lib/rpm/Packages", false)]
    [InlineData("var/lib/rpm/Name", false)]
    [InlineData("var/lib/rpm/rpmdb.sqlite-wal", false)]
    [InlineData("usr/share/rpm/Packages", false)]
    public void Wants_exactly_the_rpm_database_paths(string path, bool wanted) =>
        Assert.Equal(wanted, new RpmAnalyzer().Wants(path, 1234));
}
