namespace Berth.Api.Scans;

/// <summary>Harbor's scan metrics: how many reports there are, how many are finished, the count per status, whether any are still to run.</summary>
public sealed record ScanMetricsJson(int Total, int Completed, IReadOnlyDictionary<string, int> Metrics, bool Ongoing, string Trigger);
