using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// One entry of an artifact's <c>scan_overview</c>, keyed in Harbor's API by the report's media type
/// (<see cref="HarborVulnerabilityReport.ReportMediaType"/>). Serialize it with <see cref="HarborJson.Options"/>.
/// </summary>
public sealed record ScanOverview
{
    [JsonPropertyName("report_id")]
    public required string ReportId { get; init; }

    /// <summary>Harbor's job states: Pending, Running, Success, Error, Stopped.</summary>
    [JsonPropertyName("scan_status")]
    public required string ScanStatus { get; init; }

    [JsonPropertyName("severity")]
    public required string Severity { get; init; }

    /// <summary>Seconds from start to end.</summary>
    [JsonPropertyName("duration")]
    public long Duration { get; init; }

    [JsonPropertyName("summary")]
    public ScanOverviewSummary? Summary { get; init; }

    [JsonPropertyName("start_time")]
    public DateTimeOffset StartTime { get; init; }

    [JsonPropertyName("end_time")]
    public DateTimeOffset EndTime { get; init; }

    [JsonPropertyName("complete_percent")]
    public int CompletePercent { get; init; }

    [JsonPropertyName("scanner")]
    public required HarborScanner Scanner { get; init; }

    /// <summary>The overview of a finished scan.</summary>
    public static ScanOverview Of(string reportId, SeveritySummary summary, DateTimeOffset start, DateTimeOffset end, HarborScanner? scanner = null) => new()
    {
        ReportId = reportId,
        ScanStatus = "Success",
        Severity = SeverityNames.HarborOverall(summary.Highest),
        Duration = (long)Math.Max(0, (end - start).TotalSeconds),
        Summary = ScanOverviewSummary.Of(summary),
        StartTime = start,
        EndTime = end,
        CompletePercent = 100,
        Scanner = scanner ?? HarborScanner.Berth,
    };
}
