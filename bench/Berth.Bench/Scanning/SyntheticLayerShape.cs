namespace Berth.Bench.Scanning;

/// <summary>What <see cref="SyntheticLayer"/> wrote, for the report.</summary>
public sealed record SyntheticLayerShape(int Files, int SmallFiles, int NodePackages, long UncompressedBytes);
