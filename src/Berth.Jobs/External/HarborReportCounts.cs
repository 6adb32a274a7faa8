using System.Text.Json.Nodes;
using Berth.Metadata.Scans;

namespace Berth.Jobs.External;

/// <summary>
/// The summary columns of a Harbor report from another scanner, counted as Harbor counts them: every vulnerability,
/// the fixable ones (a non-empty fix_version), and by severity. The columns have no Negligible, so it counts as Low.
/// </summary>
public static class HarborReportCounts
{
    private static readonly string[] Ranked = ["Critical", "High", "Medium", "Low", "Unknown"];

    public static ScanSummaryCounts Of(JsonObject report)
    {
        var counts = Ranked.ToDictionary(name => name, _ => 0);
        var total = 0;
        var fixable = 0;
        foreach (var item in report["vulnerabilities"] as JsonArray ?? [])
        {
            if (item is not JsonObject vulnerability) continue;
            total++;
            if (Text(vulnerability["fix_version"]) is { Length: > 0 }) fixable++;
            var severity = Text(vulnerability["severity"]) switch
            {
                "Critical" => "Critical",
                "High" => "High",
                "Medium" => "Medium",
                "Low" or "Negligible" => "Low",
                _ => "Unknown",
            };
            counts[severity]++;
        }
        var highest = Ranked.FirstOrDefault(name => counts[name] > 0) ?? "None";
        return new ScanSummaryCounts(highest, total, fixable, counts["Critical"], counts["High"], counts["Medium"], counts["Low"], counts["Unknown"]);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
