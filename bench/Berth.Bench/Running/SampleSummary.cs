namespace Berth.Bench.Running;

/// <summary>The recorded iterations of one test, folded.</summary>
public sealed record SampleSummary(int Ok, int Failed, long PayloadBytes, double P50Ms, double P99Ms, string? FirstError);
