using Berth.Core;
using Berth.Core.Manifests;
using Berth.Metadata.Artifacts;
using Berth.Metadata.Scans;
using Berth.Scanning.Reports.Formats;

namespace Berth.Api.Scans;

/// <summary>
/// Harbor's <c>scan_overview</c> from the stored summary columns, never from a report document. An image shows its
/// own report; an index shows its images' reports merged as Harbor merges them.
/// </summary>
public static class ScanOverviews
{
    /// <summary>The digests whose reports an artifact's overview needs: its own, and for an index its images'.</summary>
    public static IReadOnlyList<string> DigestsOf(ArtifactRecord artifact) => [artifact.Digest.ToString(), .. ChildrenOf(artifact)];

    public static IReadOnlyDictionary<string, ScanOverview>? For(ArtifactRecord artifact, IReadOnlyDictionary<string, ScanReportRecord> reports)
    {
        ScanOverview? overview;
        if (MediaTypes.IsIndex(artifact.MediaType))
        {
            var children = ChildrenOf(artifact).Select(child => reports.GetValueOrDefault(child)).OfType<ScanReportRecord>().ToList();
            overview = children.Count == 0 ? null : Merge(children, ChildrenOf(artifact).Count);
        }
        else
        {
            overview = reports.TryGetValue(artifact.Digest.ToString(), out var report) ? Of(report) : null;
        }
        return overview is null ? null : new Dictionary<string, ScanOverview> { [HarborVulnerabilityReport.ReportMediaType] = overview };
    }

    public static ScanOverview Of(ScanReportRecord report)
    {
        var start = report.StartTime ?? default;
        var end = report.EndTime ?? default;
        var summary = report.Status == ScanStatus.Success ? report.Summary : null;
        return new ScanOverview
        {
            ReportId = report.ReportId,
            ScanStatus = report.Status,
            Severity = summary?.Severity ?? "",
            Duration = report.StartTime is not null && report.EndTime is not null ? (long)Math.Max(0, (end - start).TotalSeconds) : 0,
            Summary = summary is null ? null : Summary(summary),
            StartTime = start,
            EndTime = end,
            CompletePercent = IsFinished(report.Status) ? 100 : 0,
            Scanner = report.ScannerName is { } name ? new HarborScanner(name, HarborScanner.Berth.Vendor, report.ScannerVersion ?? "") : HarborScanner.Berth,
        };
    }

    /// <summary>
    /// An index's overview: Harbor's MergeScanStatus (Running, then Stopped, then Success, then the later of the others),
    /// the counts of its successful images added up, the highest severity among them, and how many images are done.
    /// </summary>
    private static ScanOverview Merge(IReadOnlyList<ScanReportRecord> children, int images)
    {
        var status = children.Select(c => c.Status).MaxBy(StatusRank)!;
        var succeeded = children.Where(c => c.Status == ScanStatus.Success && c.Summary is not null).Select(c => c.Summary!).ToList();
        var total = succeeded.Count == 0 ? null : succeeded.Aggregate((a, b) => new ScanSummaryCounts(
            SeverityRank(a.Severity) >= SeverityRank(b.Severity) ? a.Severity : b.Severity,
            a.Total + b.Total, a.Fixable + b.Fixable, a.Critical + b.Critical, a.High + b.High, a.Medium + b.Medium, a.Low + b.Low,
            a.Unknown + b.Unknown));
        var starts = children.Where(c => c.StartTime is not null).Select(c => c.StartTime!.Value).ToList();
        var ends = children.Where(c => c.EndTime is not null).Select(c => c.EndTime!.Value).ToList();
        var start = starts.Count > 0 ? starts.Min() : default;
        var end = ends.Count > 0 ? ends.Max() : default;
        var first = Of(children[0]);
        return first with
        {
            ReportId = "",
            ScanStatus = status,
            Severity = status == ScanStatus.Success && total is not null ? total.Severity : "",
            Summary = status == ScanStatus.Success && total is not null ? Summary(total) : null,
            StartTime = start,
            EndTime = end,
            Duration = starts.Count > 0 && ends.Count > 0 ? (long)Math.Max(0, (end - start).TotalSeconds) : 0,
            CompletePercent = images == 0 ? 0 : children.Count(c => IsFinished(c.Status)) * 100 / images,
        };
    }

    private static ScanOverviewSummary Summary(ScanSummaryCounts counts)
    {
        var bySeverity = new Dictionary<string, int>();
        foreach (var (name, count) in new[] { ("Critical", counts.Critical), ("High", counts.High), ("Medium", counts.Medium), ("Low", counts.Low), ("Unknown", counts.Unknown) })
            if (count > 0) bySeverity[name] = count;
        return new ScanOverviewSummary(counts.Total, counts.Fixable, bySeverity);
    }

    private static bool IsFinished(string status) => status is ScanStatus.Success or ScanStatus.Error or ScanStatus.Stopped;

    private static int StatusRank(string status) => status switch
    {
        ScanStatus.Running => 5,
        ScanStatus.Stopped => 4,
        ScanStatus.Success => 3,
        ScanStatus.Error => 2,
        _ => 1,
    };

    private static int SeverityRank(string severity) => severity switch
    {
        "Critical" => 5,
        "High" => 4,
        "Medium" => 3,
        "Low" => 2,
        "Unknown" => 1,
        _ => 0,
    };

    private static IReadOnlyList<string> ChildrenOf(ArtifactRecord artifact)
    {
        if (!MediaTypes.IsIndex(artifact.MediaType)) return [];
        var parsed = ManifestParser.Parse(artifact.Content, artifact.MediaType);
        return parsed.Succeeded ? [.. parsed.Value.Manifests.Select(m => m.Digest.ToString())] : [];
    }
}
