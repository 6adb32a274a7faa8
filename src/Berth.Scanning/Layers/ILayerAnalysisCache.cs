namespace Berth.Scanning.Layers;

/// <summary>
/// Layer analyses by cache key (<see cref="LayerCacheKey"/>): a layer shared by many images is read once. Only
/// successful analyses are stored; a failed walk is retried on the next scan.
/// </summary>
public interface ILayerAnalysisCache
{
    /// <returns>The stored analysis, or null when there is none (or what is stored cannot be read back).</returns>
    Task<LayerAnalysis?> GetAsync(string key, CancellationToken cancellationToken);

    Task PutAsync(string key, LayerAnalysis analysis, CancellationToken cancellationToken);
}
