using Berth.Scanning.Images;
using Berth.Scanning.Layers;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Tests.Images;

/// <summary>
/// The whole analysis path on the real Debian images: layout or docker-archive → layers → every analyzer
/// → merged inventory, and the layer cache on a second read.
/// </summary>
public sealed class ImageInventoryReaderTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("berth-image-tests-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private ImageInventoryReader NewReader() =>
        new(new CachedLayerAnalyzer(new LayerWalker(ImageAnalyzers.All()), new FileLayerAnalysisCache(Path.Combine(_scratch, "cache"))));

    private static string[] DpkgInventory(ImageInventory inventory) =>
        [.. inventory.Packages.Where(p => p.Ecosystem == Ecosystem.Debian).Select(p => $"{p.Name} {p.Version}").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task NodeImageFromTheLayout_HasDpkgsOwnListAndExpressWithItsDependencies()
    {
        var load = await OciLayoutImage.LoadAsync(TestImages.RequireLayout(), "debian-node", null, default);
        Assert.Null(load.Error);

        var result = await NewReader().ReadAsync(load.Image!, null, default);

        Assert.Null(result.Error);
        var inventory = result.Inventory!;
        Assert.Equal(TestImages.DpkgGroundTruth(), DpkgInventory(inventory));
        var npm = inventory.Packages.Where(p => p.Ecosystem == Ecosystem.Npm).ToList();
        Assert.Contains(npm, p => p.Name == "express" && p.Version == "4.16.4");
        Assert.Contains(npm, p => p.Name == "body-parser");
        Assert.True(npm.Count > 40, $"express 4.16.4 brings about fifty packages; found {npm.Count}");
        // The npm packages came with the image's second layer, the OS packages with its first.
        Assert.All(npm, p => Assert.Equal(load.Image!.Layers[1].DiffId, p.LayerDiffId));
        Assert.DoesNotContain(inventory.Packages, p => p.FilePath is { } path && path.StartsWith("usr/share/doc/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondRead_ComesFromTheLayerCacheWithoutOpeningABlob()
    {
        var load = await OciLayoutImage.LoadAsync(TestImages.RequireLayout(), "debian-node", null, default);
        var reader = NewReader();
        var first = await reader.ReadAsync(load.Image!, null, default);

        var unreadable = load.Image! with
        {
            Layers = [.. load.Image!.Layers.Select(layer => layer with { Open = _ => throw new InvalidOperationException("the blob was opened") })],
        };
        var second = await reader.ReadAsync(unreadable, null, default);

        Assert.Null(second.Error);
        Assert.Equal(first.Inventory!.Packages.Count, second.Inventory!.Packages.Count);
    }

    [Fact]
    public async Task DockerArchive_GivesTheSameInventoryAsTheLayout()
    {
        var archive = Path.Combine(_scratch, "node.tar");
        await DockerArchiveBuilder.WriteAsync(TestImages.RequireLayout(), "debian-node", archive);
        var fromLayout = await OciLayoutImage.LoadAsync(TestImages.Root, "debian-node", null, default);

        var load = await DockerArchiveImage.LoadAsync(archive, null, default);

        Assert.Null(load.Error);
        Assert.Equal(fromLayout.Image!.ConfigDigest, load.Image!.ConfigDigest);
        Assert.Equal(fromLayout.Image.Layers.Select(l => l.DiffId), load.Image.Layers.Select(l => l.DiffId));
        var inventory = (await NewReader().ReadAsync(load.Image, null, default)).Inventory!;
        Assert.Equal(TestImages.DpkgGroundTruth(), DpkgInventory(inventory));
        Assert.Contains(inventory.Packages, p => p.Name == "express" && p.Version == "4.16.4");
    }

    [Fact]
    public async Task DockerArchiveWithAMissingLayer_NamesIt()
    {
        var archive = Path.Combine(_scratch, "broken.tar");
        await DockerArchiveBuilder.WriteAsync(TestImages.RequireLayout(), "debian-minbase", archive, layers => [.. layers.Select(_ => "gone/layer.tar")]);

        var load = await DockerArchiveImage.LoadAsync(archive, null, default);

        Assert.Null(load.Image);
        Assert.Contains("gone/layer.tar", load.Error);
    }

    [Fact]
    public async Task NotAnArchive_IsAClearError()
    {
        var path = Path.Combine(_scratch, "garbage.tar");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Repeat((byte)0x41, 4096)]);

        var load = await DockerArchiveImage.LoadAsync(path, null, default);

        Assert.Null(load.Image);
        Assert.NotNull(load.Error);
    }

    [Fact]
    public async Task LayoutWithTwoImagesAndNoTag_AsksForOneAndNamesThem()
    {
        var load = await OciLayoutImage.LoadAsync(TestImages.RequireLayout(), null, null, default);

        Assert.Null(load.Image);
        Assert.Contains("debian-minbase", load.Error);
        Assert.Contains("debian-node", load.Error);
    }

    [Fact]
    public async Task LayoutWithoutTheTag_SaysSo()
    {
        var load = await OciLayoutImage.LoadAsync(TestImages.RequireLayout(), "nope", null, default);

        Assert.Contains("no image tagged 'nope'", load.Error);
    }
}
