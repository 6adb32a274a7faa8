namespace Berth.Metadata.Scans;

/// <summary>A report with its stored document (the scanner's JSON of inventory and findings).</summary>
public sealed record StoredScanDocument(ScanReportRecord Report, string Document);
