namespace Berth.Bench.Scanning;

/// <summary>Re-matching stored inventories: median seconds for all of them, and their size (to show the work done).</summary>
public sealed record RematchTiming(int Inventories, double MedianSeconds, long PackagesPerPass, long FindingsPerPass, int Runs);
