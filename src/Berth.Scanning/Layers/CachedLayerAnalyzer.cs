namespace Berth.Scanning.Layers;

/// <summary>
/// One layer's analysis by diff id: from the cache when a walk with the same analyzers and limits is stored, else by
/// walking the blob (verified against the diff id) and storing the result.
/// </summary>
public sealed class CachedLayerAnalyzer(LayerWalker walker, ILayerAnalysisCache cache)
{
    /// <param name="openBlob">Opens the layer blob; called only on a cache miss.</param>
    public async Task<LayerWalkResult> AnalyzeAsync(string diffId, Func<CancellationToken, Task<Stream>> openBlob, CancellationToken cancellationToken)
    {
        var key = LayerCacheKey.Compute(diffId, walker.Analyzers, walker.Limits);
        if (await cache.GetAsync(key, cancellationToken) is { } cached) return LayerWalkResult.Success(cached);
        LayerWalkResult result;
        await using (var blob = await openBlob(cancellationToken))
            result = await walker.WalkAsync(blob, diffId, cancellationToken);
        if (result.Analysis is { } analysis) await cache.PutAsync(key, analysis, cancellationToken);
        return result;
    }
}
