namespace Berth.Scanning.Layers;

/// <summary>What one cache file holds: the key is stored too, so a file renamed or copied under another key is a miss.</summary>
internal sealed record LayerCacheEntry(string Key, LayerAnalysis Analysis);
