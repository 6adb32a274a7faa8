using Berth.Metadata.Scans;

namespace Berth.Api.Scans;

/// <summary>The text of Harbor's scan log for a report row: Berth keeps no job log, so it is told from the row.</summary>
public static class ScanLog
{
    public static string Of(ScanReportRecord report)
    {
        var lines = new List<string> { $"report {report.ReportId}: {report.Repository}@{report.Digest}", $"status: {report.Status}" };
        if (report.StartTime is { } start) lines.Add($"started: {start.UtcDateTime:O}");
        if (report.EndTime is { } end) lines.Add($"ended: {end.UtcDateTime:O}");
        if (report.ScannerName is { } scanner) lines.Add($"scanner: {scanner} {report.ScannerVersion}");
        if (report.Error is { } error) lines.Add($"error: {error}");
        return string.Join('\n', lines) + "\n";
    }
}
