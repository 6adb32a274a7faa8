namespace Berth.Scanning.Reports;

/// <summary>A finished scan's report, or why the scan failed (an unreadable layer, a hostile archive).</summary>
public sealed record ScanResult(ScanReport? Report, string? Error)
{
    public bool Succeeded => Report is not null;
}
