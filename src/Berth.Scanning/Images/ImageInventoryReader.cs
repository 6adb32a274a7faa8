using Berth.Scanning.Layers;

namespace Berth.Scanning.Images;

/// <summary>
/// Takes an image's inventory: each layer's analysis (cached by diff id, so layers shared between images
/// are read once), merged in order with whiteouts applied.
/// </summary>
public sealed class ImageInventoryReader(CachedLayerAnalyzer layers)
{
    /// <param name="progress">Told how many layers are done, for progress bars on long scans.</param>
    public async Task<ImageInventoryResult> ReadAsync(ImageToScan image, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var analyses = new List<LayerAnalysis>(image.Layers.Count);
        foreach (var layer in image.Layers)
        {
            var result = await layers.AnalyzeAsync(layer.DiffId, layer.Open, cancellationToken);
            if (result.Failure is { } failure)
                return new ImageInventoryResult(null, $"layer {layer.Digest ?? layer.DiffId} could not be read: {failure.Message}");
            analyses.Add(result.Analysis!);
            progress?.Report(analyses.Count);
        }

        return new ImageInventoryResult(ImageInventory.Merge(analyses), null);
    }
}
