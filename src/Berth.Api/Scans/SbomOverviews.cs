using Berth.Metadata.Artifacts;
using Berth.Metadata.Scans;
using Berth.Scanning.Reports.Formats;

namespace Berth.Api.Scans;

/// <summary>Harbor's <c>sbom_overview</c> of an artifact, from its own scan report row (an index has none of its own).</summary>
public static class SbomOverviews
{
    public static SbomOverview? For(ArtifactRecord artifact, IReadOnlyDictionary<string, ScanReportRecord> reports)
    {
        if (!reports.TryGetValue(artifact.Digest.ToString(), out var report)) return null;
        var start = report.StartTime ?? default;
        var end = report.EndTime ?? default;
        return new SbomOverview(
            start,
            end,
            report.Status,
            report.Status == ScanStatus.Success ? report.SbomDigest : null,
            report.ReportId,
            report.StartTime is not null && report.EndTime is not null ? (long)Math.Max(0, (end - start).TotalSeconds) : 0,
            report.ScannerName is { } name ? new HarborScanner(name, HarborScanner.Berth.Vendor, report.ScannerVersion ?? "") : HarborScanner.Berth);
    }
}
