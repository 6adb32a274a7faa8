using Berth.Metadata.Scans;
using Berth.Scanning.Advisories;
using Berth.Scanning.Reports;

namespace Berth.Jobs.Scanning;

/// <summary>A report's <see cref="SeveritySummary"/> as the summary columns store it.</summary>
public static class ScanSummaries
{
    public static ScanSummaryCounts Of(ScanReport report)
    {
        var summary = report.Summary;
        int Count(Severity severity) => summary.BySeverity.TryGetValue(severity, out var count) ? count : 0;
        return new ScanSummaryCounts(
            summary.Highest?.ToString() ?? "None", summary.Total, summary.Fixable,
            Count(Severity.Critical), Count(Severity.High), Count(Severity.Medium), Count(Severity.Low), Count(Severity.Unknown));
    }
}
