namespace Berth.Bench.Scanning;

/// <summary>A cached rescan of one image: median milliseconds, and what the scan found (to show it did the work).</summary>
public sealed record RescanTiming(string Tag, double MedianMilliseconds, int Layers, int Packages, int Findings, int Runs);
