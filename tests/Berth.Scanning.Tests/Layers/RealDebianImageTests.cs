using Berth.Scanning.Analyzers.Os;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Layers;

/// <summary>
/// Walks the real Debian images that shared/scripts/build-test-images.sh builds (mmdebstrap + umoci) and compares
/// the merged dpkg inventory with the package list dpkg-query itself wrote beside them.
/// </summary>
public sealed class RealDebianImageTests(RealDebianImageTests.Images images) : IClassFixture<RealDebianImageTests.Images>
{
    private const string DocDirectory = "usr/share/doc";

    private static string[] DpkgInventory(ImageInventory inventory) =>
        [.. inventory.Packages.Where(p => p.FilePath == "var/lib/dpkg/status").Select(p => $"{p.Name} {p.Version}").Order(StringComparer.Ordinal)];

    [Fact]
    public void The_minbase_inventory_is_exactly_what_dpkg_says_is_installed()
    {
        var inventory = ImageInventory.Merge(images.Minbase);

        Assert.Equal(images.GroundTruth, DpkgInventory(inventory));
        Assert.Equal("debian", inventory.OperatingSystem?.Family);
        Assert.StartsWith("12.", inventory.OperatingSystem!.Version);
        Assert.All(inventory.Packages.Where(p => p.FilePath == "var/lib/dpkg/status"), p =>
        {
            Assert.Equal(Ecosystem.Debian, p.Ecosystem);
            Assert.Equal(images.Minbase[0].DiffId, p.LayerDiffId);
            Assert.False(p.ThirdParty);
        });
        Assert.Contains(inventory.Packages, p => p.Name == "libc6" && p.SourceName == "glibc");
        Assert.Empty(inventory.Warnings);
    }

    [Fact]
    public void The_minbase_layer_installs_docs_that_the_probe_sees()
    {
        var inventory = ImageInventory.Merge(images.Minbase);

        Assert.Contains(inventory.InstalledFiles, f => LayerPath.IsWithin(f, DocDirectory));
        Assert.True(inventory.Packages.Count(p => p.Ecosystem == DocProbe.Ecosystem) > 20);
    }

    [Fact]
    public void The_node_image_keeps_the_same_dpkg_inventory_and_reports_nothing_from_the_deleted_docs()
    {
        var inventory = ImageInventory.Merge(images.Node);

        Assert.Equal(3, images.Node.Count);
        Assert.Contains(DocDirectory, images.Node[2].Whiteouts);
        Assert.Equal(images.GroundTruth, DpkgInventory(inventory));
        Assert.DoesNotContain(inventory.Packages, p => p.Ecosystem == DocProbe.Ecosystem);
        Assert.DoesNotContain(inventory.Packages, p => p.FilePath is { } path && LayerPath.IsWithin(path, DocDirectory));
        Assert.DoesNotContain(inventory.InstalledFiles, f => LayerPath.IsWithin(f, DocDirectory));
        Assert.Contains("usr/bin/dpkg", inventory.InstalledFiles);
        Assert.All(inventory.Packages, p => Assert.Equal(images.Node[0].DiffId, p.LayerDiffId));
    }

    /// <summary>
    /// Stands in for a language analyzer: every usr/share/doc/*/copyright becomes a package. Its FilePath is marked
    /// so the rule that drops language packages in OS-installed files cannot hide it — only a whiteout may.
    /// </summary>
    public sealed class DocProbe : IFileAnalyzer
    {
        public const Ecosystem Ecosystem = Packages.Ecosystem.CratesIo;

        public string Name => "doc-probe";
        public int Version => 1;

        public bool Wants(string path, long size) =>
            LayerPath.IsWithin(path, DocDirectory) && LayerPath.FileName(path) == "copyright" && path.Count(c => c == '/') == 4;

        public Task AnalyzeAsync(LayerFile file, LayerFindings findings, CancellationToken cancellationToken)
        {
            var name = LayerPath.FileName(LayerPath.Directory(file.Path));
            findings.AddPackages(file.Path, [new Package { Name = name, Version = "0", Ecosystem = Ecosystem, FilePath = "probe:" + file.Path }]);
            return Task.CompletedTask;
        }
    }

    /// <summary>Each distinct layer of the two images, walked once with the real analyzers and verified against its diff id.</summary>
    public sealed class Images : IAsyncLifetime
    {
        public IReadOnlyList<string> GroundTruth { get; private set; } = [];
        public IReadOnlyList<LayerAnalysis> Minbase { get; private set; } = [];
        public IReadOnlyList<LayerAnalysis> Node { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var root = Environment.GetEnvironmentVariable("BERTH_TEST_IMAGES") is { Length: > 0 } configured ? configured : "/tmp/berth-test-images";
            var groundTruth = Path.Combine(root, "debian-minbase.packages");
            if (!File.Exists(Path.Combine(root, ".complete")) || !File.Exists(groundTruth))
                throw new InvalidOperationException(
                    $"The real Debian test images are missing at '{root}' (BERTH_TEST_IMAGES). Build them with " +
                    $"`bash ../shared/scripts/build-test-images.sh {root}` from the repository root (as root; needs mmdebstrap, umoci, npm), " +
                    "or run scripts/test.sh, which builds them first.");
            GroundTruth = [.. (await File.ReadAllLinesAsync(groundTruth)).Where(l => l.Length > 0).Order(StringComparer.Ordinal)];

            var layout = new OciImageLayout(root);
            var walker = new LayerWalker([new OperatingSystemAnalyzer(), new DpkgAnalyzer(), new ApkAnalyzer(), new DocProbe()]);
            var walked = new Dictionary<string, LayerAnalysis>(StringComparer.Ordinal);
            async Task<IReadOnlyList<LayerAnalysis>> WalkImageAsync(string tag)
            {
                var analyses = new List<LayerAnalysis>();
                foreach (var (blobPath, diffId) in await layout.LayersAsync(tag))
                {
                    if (!walked.TryGetValue(diffId, out var analysis))
                    {
                        await using var blob = new FileStream(blobPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous);
                        var result = await walker.WalkAsync(blob, diffId, CancellationToken.None);
                        Assert.True(result.Succeeded, $"{tag} layer {diffId}: {result}");
                        walked[diffId] = analysis = result.Analysis!;
                    }
                    analyses.Add(analysis);
                }
                return analyses;
            }
            Minbase = await WalkImageAsync("debian-minbase");
            Node = await WalkImageAsync("debian-node");
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
