using Berth.Scanning.Layers;
using Berth.Scanning.Tests.Layers;

namespace Berth.Scanning.Tests.Analyzers.Os;

/// <summary>Walks a testdata fixture root (or a built layer) as a gzip layer through the real walker.</summary>
public static class FixtureLayer
{
    public static Task<LayerAnalysis> WalkAsync(IFileAnalyzer analyzer, params string[] fixture) =>
        WalkAsync(analyzer, new TestLayer().FromDirectory(TestData.Path(["packages", .. fixture])));

    public static async Task<LayerAnalysis> WalkAsync(IFileAnalyzer analyzer, TestLayer layer)
    {
        var result = await new LayerWalker([analyzer]).WalkAsync(new MemoryStream(layer.Gzip()), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.ToString());
        return result.Analysis!;
    }
}
