using System.Text;
using Berth.Scanning.Layers;

namespace Berth.Scanning.Tests.Layers;

public sealed class LayerWalkerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static TestLayer Sample() => new TestLayer()
        .Directory("etc/")
        .File("etc/hostname", "berth\n")
        .File("usr/share/doc/a/copyright", "text")
        .Whiteout("usr/share/doc/b")
        .Opaque("opt/app")
        .Symlink("etc/localtime", "/usr/share/zoneinfo/UTC")
        .File("etc/motd", "hello");

    private static async Task<LayerWalkResult> WalkAsync(byte[] blob, IFileAnalyzer analyzer, ScanLimits? limits = null, string? expectedDiffId = null) =>
        await new LayerWalker([analyzer], limits).WalkAsync(new MemoryStream(blob), expectedDiffId, None);

    [Theory]
    [InlineData("tar")]
    [InlineData("gzip")]
    [InlineData("zstd")]
    public async Task Every_compression_is_recognised_by_its_bytes_and_yields_the_diff_id_of_the_tar(string format)
    {
        var layer = Sample();
        var tar = layer.Tar();
        var blob = format switch { "gzip" => layer.Gzip(), "zstd" => layer.Zstd(), _ => tar };
        var analyzer = new RecordingAnalyzer(p => p.StartsWith("etc/", StringComparison.Ordinal));

        var result = await WalkAsync(blob, analyzer, expectedDiffId: TestLayer.DiffIdOf(tar));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(TestLayer.DiffIdOf(tar), result.Analysis!.DiffId);
        Assert.Equal(["etc/hostname", "etc/motd"], analyzer.Seen.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("berth\n", Encoding.UTF8.GetString(analyzer.Seen["etc/hostname"]));
        Assert.Equal([new AnalyzerVersion("recording", 1)], result.Analysis.Analyzers);
    }

    [Fact]
    public async Task Whiteouts_and_opaque_directories_are_recorded_and_never_offered()
    {
        var analyzer = new RecordingAnalyzer(_ => true);

        var result = await WalkAsync(Sample().Tar(), analyzer);

        Assert.Equal(["usr/share/doc/b"], result.Analysis!.Whiteouts);
        Assert.Equal(["opt/app"], result.Analysis.OpaqueDirectories);
        Assert.DoesNotContain(analyzer.Seen.Keys, p => p.Contains(".wh.", StringComparison.Ordinal));
        Assert.Empty(result.Analysis.Warnings);
    }

    [Fact]
    public async Task A_whiteout_at_the_root_and_aufs_bookkeeping_names_are_told_apart()
    {
        var layer = new TestLayer().File(".wh.tmp", "").File(".wh..wh..opq", "").File("x/.wh..wh.plnk", "");

        var result = await WalkAsync(layer.Tar(), new RecordingAnalyzer(_ => true));

        Assert.Equal(["tmp"], result.Analysis!.Whiteouts);
        Assert.Equal([""], result.Analysis.OpaqueDirectories);
    }

    [Fact]
    public async Task Names_are_cleaned_and_names_that_climb_out_of_the_root_are_skipped_with_a_warning()
    {
        var layer = new TestLayer()
            .File("/etc/absolute", "a")
            .File("./etc/dotted", "b")
            .File("etc/./x/../resolved", "c")
            .File("../etc/passwd", "evil")
            .File("etc/../../../root/.ssh/authorized_keys", "evil")
            .File("/../etc/shadow", "evil");
        var analyzer = new RecordingAnalyzer(_ => true);

        var result = await WalkAsync(layer.Tar(), analyzer);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(["etc/absolute", "etc/dotted", "etc/resolved"], analyzer.Seen.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, result.Analysis!.Warnings.Count);
        Assert.All(result.Analysis.Warnings, w => Assert.Contains("leaves the image root", w));
        Assert.Contains(result.Analysis.Warnings, w => w.Contains("'../etc/passwd'"));
    }

    [Fact]
    public async Task Links_and_devices_are_never_followed_and_an_escaping_symlink_is_reported()
    {
        var layer = new TestLayer()
            .Symlink("var/lib/dpkg/status", "../../../../../../etc/shadow")
            .Symlink("etc/os-release", "../usr/lib/os-release")
            .HardLink("var/lib/dpkg/status2", "etc/passwd")
            .CharacterDevice("dev/null")
            .File("etc/after", "still walked");
        var analyzer = new RecordingAnalyzer(_ => true);

        var result = await WalkAsync(layer.Tar(), analyzer);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(["etc/after"], analyzer.Seen.Keys);
        var warning = Assert.Single(result.Analysis!.Warnings);
        Assert.Contains("symlink 'var/lib/dpkg/status'", warning);
        Assert.Contains("outside the image root", warning);
    }

    [Fact]
    public async Task Corrupt_gzip_data_is_a_failure_naming_gzip()
    {
        var gzip = new TestLayer().File("etc/data", new string('x', 100_000) + Guid.NewGuid()).Gzip();
        for (var i = 20; i < 60; i++) gzip[i] ^= 0x5A;

        var result = await WalkAsync(gzip, new RecordingAnalyzer(_ => true));

        Assert.False(result.Succeeded);
        Assert.Equal(LayerFailureKind.CorruptCompression, result.Failure!.Kind);
        Assert.Contains("gzip", result.Failure.Message);
    }

    [Fact]
    public async Task A_gzip_header_followed_by_garbage_is_a_failure()
    {
        byte[] blob = [0x1F, 0x8B, 0x08, 0x00, .. Enumerable.Range(0, 200).Select(i => (byte)(i * 37))];

        var result = await WalkAsync(blob, new RecordingAnalyzer(_ => true));

        Assert.Equal(LayerFailureKind.CorruptCompression, result.Failure?.Kind);
    }

    [Fact]
    public async Task Corrupt_zstd_data_is_a_failure_naming_zstd()
    {
        var zstd = new TestLayer().File("etc/data", string.Concat(Enumerable.Range(0, 5000).Select(i => i.ToString()))).Zstd();
        for (var i = 12; i < zstd.Length - 8; i += 7) zstd[i] ^= 0xA5;

        var result = await WalkAsync(zstd, new RecordingAnalyzer(_ => true));

        Assert.Equal(LayerFailureKind.CorruptCompression, result.Failure?.Kind);
        Assert.Contains("zstd", result.Failure!.Message);
    }

    [Fact]
    public async Task A_tar_cut_inside_a_file_is_truncated()
    {
        var tar = new TestLayer().File("etc/a", "a").File("etc/big", new byte[10_000]).Tar();

        var result = await WalkAsync(tar[..(1024 + 512 + 3000)], new RecordingAnalyzer(_ => false));

        Assert.Equal(LayerFailureKind.TruncatedArchive, result.Failure?.Kind);
        Assert.Contains("etc/big", result.Failure!.Message);
    }

    [Fact]
    public async Task A_tar_cut_inside_a_file_an_analyzer_is_reading_is_truncated_not_a_warning()
    {
        var tar = new TestLayer().File("etc/big", new byte[10_000]).Tar();

        var result = await WalkAsync(tar[..3000], new RecordingAnalyzer(_ => true));

        Assert.Equal(LayerFailureKind.TruncatedArchive, result.Failure?.Kind);
    }

    [Fact]
    public async Task A_tar_cut_inside_a_header_is_truncated()
    {
        var tar = new TestLayer().File("etc/a", "a").File("etc/b", "b").Tar();

        var result = await WalkAsync(tar[..(1024 + 100)], new RecordingAnalyzer(_ => true));

        Assert.Equal(LayerFailureKind.TruncatedArchive, result.Failure?.Kind);
        Assert.Contains("header", result.Failure!.Message);
    }

    [Fact]
    public async Task A_truncated_gzip_layer_is_not_a_success()
    {
        var gzip = new TestLayer().File("etc/data", new byte[200_000]).File("etc/other", "x").Gzip();

        var result = await WalkAsync(gzip[..(gzip.Length / 2)], new RecordingAnalyzer(_ => true));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failure!.Kind, new[] { LayerFailureKind.TruncatedArchive, LayerFailureKind.CorruptCompression });
    }

    [Fact]
    public async Task A_truncated_zstd_layer_is_not_a_success()
    {
        var zstd = new TestLayer().File("etc/data", string.Concat(Enumerable.Range(0, 50_000).Select(i => (i * 31).ToString()))).Zstd();

        var result = await WalkAsync(zstd[..(zstd.Length / 2)], new RecordingAnalyzer(_ => true));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Failure!.Kind, new[] { LayerFailureKind.TruncatedArchive, LayerFailureKind.CorruptCompression });
    }

    [Fact]
    public async Task A_header_with_a_bad_checksum_is_a_corrupt_archive()
    {
        byte[] tar = [.. RawTar.Header("etc/a", 0, breakChecksum: true), .. new byte[1024]];

        var result = await WalkAsync(tar, new RecordingAnalyzer(_ => true));

        Assert.Equal(LayerFailureKind.CorruptArchive, result.Failure?.Kind);
        Assert.Contains("checksum", result.Failure!.Message);
    }

    [Fact]
    public async Task A_pax_header_claiming_gigabytes_is_refused_without_reading_it()
    {
        byte[] tar = [.. RawTar.Header("PaxHeaders/x", 3L << 30, 'x'), .. new byte[4096]];

        var result = await WalkAsync(tar, new RecordingAnalyzer(_ => true));

        Assert.Equal(LayerFailureKind.CorruptArchive, result.Failure?.Kind);
        Assert.Contains("PAX header", result.Failure!.Message);
    }

    [Fact]
    public async Task Bytes_that_are_no_tar_at_all_are_a_corrupt_archive()
    {
        var result = await WalkAsync(Encoding.ASCII.GetBytes(new string('z', 2000)), new RecordingAnalyzer(_ => true));

        Assert.Equal(LayerFailureKind.CorruptArchive, result.Failure?.Kind);
    }

    [Fact]
    public async Task An_xz_layer_is_refused_by_name()
    {
        byte[] blob = [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 1, 2, 3];

        var result = await WalkAsync(blob, new RecordingAnalyzer(_ => true));

        Assert.Equal(LayerFailureKind.CorruptCompression, result.Failure?.Kind);
        Assert.Contains("xz", result.Failure!.Message);
    }

    [Fact]
    public async Task A_decompression_bomb_stops_at_the_layer_limit_having_read_little_of_it()
    {
        // A header for a 64 GiB file, then 16 GiB of zeros: about 16 MiB of gzip, generated as it is read.
        var limit = 64L * 1024 * 1024;
        var bomb = new GzipBomb(RawTar.Header("var/lib/dpkg/status", 64L << 30, base256Size: true), zeroMembers: 16 * 1024);
        var analyzer = new RecordingAnalyzer(_ => true);

        var result = await new LayerWalker([analyzer], new ScanLimits { MaxLayerUncompressedBytes = limit }).WalkAsync(bomb, null, None);

        Assert.Equal(LayerFailureKind.TooLarge, result.Failure?.Kind);
        Assert.Contains("MaxLayerUncompressedBytes", result.Failure!.Message);
        Assert.Empty(analyzer.Seen);
        // It stopped near the limit: a few members past 64 MiB of zeros, not the 16 GiB on offer.
        Assert.InRange(bomb.BytesProduced, 1, (limit / (1024 * 1024) + 8) * GzipBomb.ZeroMemberSize + 4096);
    }

    [Fact]
    public async Task Zeros_after_the_end_marker_still_count_towards_the_layer_limit()
    {
        var bomb = new GzipBomb([], zeroMembers: 4 * 1024);

        var result = await new LayerWalker([], new ScanLimits { MaxLayerUncompressedBytes = 8L * 1024 * 1024 }).WalkAsync(bomb, null, None);

        Assert.Equal(LayerFailureKind.TooLarge, result.Failure?.Kind);
    }

    [Fact]
    public async Task A_layer_of_exactly_the_limit_is_accepted()
    {
        var tar = new TestLayer().File("etc/a", "a").Tar();

        var result = await WalkAsync(tar, new RecordingAnalyzer(_ => true), new ScanLimits { MaxLayerUncompressedBytes = tar.Length });

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task More_entries_than_the_limit_is_a_failure()
    {
        var layer = new TestLayer();
        for (var i = 0; i < 11; i++) layer.File($"f{i}", "");

        var result = await WalkAsync(layer.Tar(), new RecordingAnalyzer(_ => true), new ScanLimits { MaxLayerEntries = 10 });

        Assert.Equal(LayerFailureKind.TooManyEntries, result.Failure?.Kind);
    }

    [Fact]
    public async Task A_file_over_the_analyzed_file_limit_is_skipped_with_a_warning_and_the_walk_goes_on()
    {
        var layer = new TestLayer().File("var/lib/dpkg/status", new byte[3 * 1024 * 1024]).File("etc/small", "ok");
        var analyzer = new RecordingAnalyzer(_ => true);

        var result = await WalkAsync(layer.Gzip(), analyzer, new ScanLimits { MaxAnalyzedFileBytes = 1024 * 1024 });

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(["etc/small"], analyzer.Seen.Keys);
        var warning = Assert.Single(result.Analysis!.Warnings);
        Assert.Contains("'var/lib/dpkg/status' (3145728 bytes)", warning);
        Assert.Contains("MaxAnalyzedFileBytes", warning);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(3 * 1024 * 1024)]
    public async Task Several_analyzers_wanting_one_file_each_read_all_of_it(int size)
    {
        var content = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray();
        var first = new RecordingAnalyzer(p => p == "etc/shared", "first");
        var second = new RecordingAnalyzer(p => p == "etc/shared", "second");

        var result = await new LayerWalker([first, second]).WalkAsync(new MemoryStream(new TestLayer().File("etc/shared", content).File("etc/next", "n").Tar()), null, None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(content, first.Seen["etc/shared"]);
        Assert.Equal(content, second.Seen["etc/shared"]);
    }

    [Fact]
    public async Task An_analyzer_that_throws_costs_its_file_not_the_layer()
    {
        var thrower = new ThrowingAnalyzer();
        var recorder = new RecordingAnalyzer(_ => true);

        var result = await new LayerWalker([thrower, recorder]).WalkAsync(new MemoryStream(new TestLayer().File("etc/a", "a").File("etc/b", "b").Tar()), null, None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(2, recorder.Seen.Count);
        Assert.Contains(result.Analysis!.Warnings, w => w.Contains("thrower failed on 'etc/a'") && w.Contains("boom"));
    }

    [Fact]
    public async Task A_layer_whose_bytes_do_not_match_the_configured_diff_id_fails()
    {
        var tar = new TestLayer().File("etc/a", "a").Tar();
        var other = TestLayer.DiffIdOf([1, 2, 3]);

        var result = await WalkAsync(tar, new RecordingAnalyzer(_ => true), expectedDiffId: other);

        Assert.Equal(LayerFailureKind.DiffIdMismatch, result.Failure?.Kind);
        Assert.Contains(TestLayer.DiffIdOf(tar), result.Failure!.Message);
    }

    [Fact]
    public async Task Long_names_through_pax_and_gnu_headers_arrive_whole()
    {
        var longName = "usr/lib/" + string.Join('/', Enumerable.Repeat("very-long-directory-name", 8)) + "/file.txt";
        using var gnu = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(gnu, System.Formats.Tar.TarEntryFormat.Gnu, leaveOpen: true))
            writer.WriteEntry(new System.Formats.Tar.GnuTarEntry(System.Formats.Tar.TarEntryType.RegularFile, longName + ".gnu") { DataStream = new MemoryStream([7]) });
        var analyzer = new RecordingAnalyzer(_ => true);

        await WalkAsync(new TestLayer().File(longName, "pax").Tar(), analyzer);
        await WalkAsync(gnu.ToArray(), analyzer);

        Assert.Equal("pax", Encoding.UTF8.GetString(analyzer.Seen[longName]));
        Assert.Equal([7], analyzer.Seen[longName + ".gnu"]);
    }

    private sealed class ThrowingAnalyzer : IFileAnalyzer
    {
        public string Name => "thrower";
        public int Version => 1;
        public bool Wants(string path, long size) => path == "etc/a";
        public Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
    }
}
