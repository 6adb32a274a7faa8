using System.Text;
using Berth.Scanning.Analyzers.Os;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Layers;

public sealed class LayerCacheTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string DiffId = TestLayer.DiffIdOf([1]);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "berth-layer-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private static LayerAnalysis Sample() => new()
    {
        DiffId = DiffId,
        OperatingSystem = new OsRelease("debian", "12.5"),
        PackageSets =
        [
            new PackageSet("var/lib/dpkg/status",
            [
                new Package
                {
                    Name = "libselinux1", Version = "3.4-1+b6", Ecosystem = Ecosystem.Debian, SourceName = "libselinux",
                    SourceVersion = "3.4-1", Architecture = "amd64", FilePath = "var/lib/dpkg/status", ThirdParty = true,
                },
            ]),
        ],
        InstalledFiles = ["usr/bin/a", "usr/bin/b"],
        Whiteouts = ["usr/share/doc"],
        OpaqueDirectories = ["opt"],
        Warnings = ["w1"],
        Analyzers = [new AnalyzerVersion("dpkg", 1), new AnalyzerVersion("os", 1)],
    };

    private static IFileAnalyzer[] Analyzers(int dpkgVersion = 1) => [new OperatingSystemAnalyzer(), new FakeAnalyzer("dpkg", dpkgVersion)];

    [Fact]
    public void The_key_depends_on_the_diff_id_the_analyzer_versions_and_the_file_limit_only()
    {
        var key = LayerCacheKey.Compute(DiffId, Analyzers(), ScanLimits.Default);

        Assert.True(LayerCacheKey.IsWellFormed(key));
        Assert.Equal(key, LayerCacheKey.Compute(DiffId, Analyzers().Reverse(), ScanLimits.Default));
        Assert.Equal(key, LayerCacheKey.Compute(DiffId, Analyzers(), ScanLimits.Default with { MaxLayerEntries = 5, MaxLayerUncompressedBytes = 5 }));
        Assert.NotEqual(key, LayerCacheKey.Compute(TestLayer.DiffIdOf([2]), Analyzers(), ScanLimits.Default));
        Assert.NotEqual(key, LayerCacheKey.Compute(DiffId, Analyzers(dpkgVersion: 2), ScanLimits.Default));
        Assert.NotEqual(key, LayerCacheKey.Compute(DiffId, Analyzers()[..1], ScanLimits.Default));
        Assert.NotEqual(key, LayerCacheKey.Compute(DiffId, Analyzers(), ScanLimits.Default with { MaxAnalyzedFileBytes = 1 }));
        Assert.NotEqual(key, LayerCacheKey.Compute(DiffId, Analyzers(), ScanLimits.Default with { MaxArchiveDepth = 1 }));
    }

    [Fact]
    public async Task An_analysis_comes_back_as_it_was_stored_and_no_temporary_file_is_left()
    {
        var cache = new FileLayerAnalysisCache(_directory);
        var key = LayerCacheKey.Compute(DiffId, Analyzers(), ScanLimits.Default);
        var stored = Sample();

        Assert.Null(await cache.GetAsync(key, None));
        await cache.PutAsync(key, stored, None);
        var loaded = await cache.GetAsync(key, None);

        Assert.NotNull(loaded);
        Assert.Equal(stored.DiffId, loaded.DiffId);
        Assert.Equal(stored.OperatingSystem, loaded.OperatingSystem);
        Assert.Equal(stored.PackageSets[0].Packages[0], loaded.PackageSets.Single().Packages.Single());
        Assert.Equal(stored.InstalledFiles, loaded.InstalledFiles);
        Assert.Equal(stored.Whiteouts, loaded.Whiteouts);
        Assert.Equal(stored.OpaqueDirectories, loaded.OpaqueDirectories);
        Assert.Equal(stored.Warnings, loaded.Warnings);
        Assert.Equal(stored.Analyzers, loaded.Analyzers);
        Assert.Equal([key[7..] + ".json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("{\"Key\":")]
    [InlineData("not json at all")]
    [InlineData("{\"Key\":\"sha256:0000\",\"Analysis\":{\"DiffId\":\"sha256:1\"}}")]
    [InlineData("{\"Analysis\":{\"PackageSets\":[]}}")]
    [InlineData("{\"Key\":\"KEY\",\"Analysis\":{\"DiffId\":\"sha256:1\",\"PackageSets\":[{\"FilePath\":\"x\",\"Packages\":[{\"Name\":\"a\"}]}]}}")]
    public async Task A_corrupt_or_foreign_entry_is_a_miss(string content)
    {
        var cache = new FileLayerAnalysisCache(_directory);
        var key = LayerCacheKey.Compute(DiffId, Analyzers(), ScanLimits.Default);
        await File.WriteAllTextAsync(Path.Combine(_directory, key[7..] + ".json"), content.Replace("KEY", key), Encoding.UTF8);

        Assert.Null(await cache.GetAsync(key, None));
        await cache.PutAsync(key, Sample(), None);
        Assert.NotNull(await cache.GetAsync(key, None));
    }

    [Fact]
    public async Task A_key_that_is_not_a_cache_key_is_refused_before_touching_the_disk()
    {
        var cache = new FileLayerAnalysisCache(_directory);

        await Assert.ThrowsAsync<ArgumentException>(() => cache.GetAsync("sha256:../../etc/passwd", None));
    }

    [Fact]
    public async Task The_second_analysis_of_a_layer_comes_from_the_cache_without_opening_the_blob()
    {
        var tar = new TestLayer().File("etc/debian_version", "12.5\n").Tar();
        var walker = new LayerWalker([new OperatingSystemAnalyzer()]);
        var analyzer = new CachedLayerAnalyzer(walker, new FileLayerAnalysisCache(_directory));
        var opened = 0;
        Task<Stream> Open(CancellationToken _)
        {
            opened++;
            return Task.FromResult<Stream>(new MemoryStream(tar));
        }

        var first = await analyzer.AnalyzeAsync(TestLayer.DiffIdOf(tar), Open, None);
        var second = await analyzer.AnalyzeAsync(TestLayer.DiffIdOf(tar), Open, None);

        Assert.Equal(1, opened);
        Assert.Equal(new OsRelease("debian", "12.5"), second.Analysis?.OperatingSystem);
        Assert.Equal(first.Analysis!.DiffId, second.Analysis!.DiffId);
    }

    [Fact]
    public async Task A_failed_walk_is_not_cached()
    {
        var tar = new TestLayer().File("etc/debian_version", "12.5\n").Tar();
        var analyzer = new CachedLayerAnalyzer(new LayerWalker([new OperatingSystemAnalyzer()]), new FileLayerAnalysisCache(_directory));
        var wrongDiffId = TestLayer.DiffIdOf([9]);

        var result = await analyzer.AnalyzeAsync(wrongDiffId, _ => Task.FromResult<Stream>(new MemoryStream(tar)), None);

        Assert.Equal(LayerFailureKind.DiffIdMismatch, result.Failure?.Kind);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    private sealed class FakeAnalyzer(string name, int version) : IFileAnalyzer
    {
        public string Name => name;
        public int Version => version;
        public bool Wants(string path, long size) => false;
        public Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
