namespace Berth.Metadata.Scans;

/// <summary>
/// A report's counts as listings show them, kept in columns so an artifact list never parses a report.
/// <see cref="Severity"/> is the highest severity found, or "None" when nothing was.
/// </summary>
public sealed record ScanSummaryCounts(string Severity, int Total, int Fixable, int Critical, int High, int Medium, int Low, int Unknown);
