namespace Berth.Scanning.Layers;

/// <summary>An analyzer's name and version as recorded with a layer analysis (and hashed into its cache key).</summary>
public sealed record AnalyzerVersion(string Name, int Version);
