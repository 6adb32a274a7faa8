using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>The overview's <c>summary</c>: totals and the count per severity name (only severities present).</summary>
public sealed record ScanOverviewSummary(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("fixable")] int Fixable,
    [property: JsonPropertyName("summary")] IReadOnlyDictionary<string, int> BySeverity)
{
    public static ScanOverviewSummary Of(SeveritySummary summary) => new(
        summary.Total,
        summary.Fixable,
        summary.BySeverity
            .Where(pair => pair.Value > 0)
            .OrderByDescending(pair => pair.Key)
            .ToDictionary(pair => SeverityNames.Harbor(pair.Key), pair => pair.Value));
}
