using System.Text.Json;

namespace Berth.Policy.Vulnerabilities;

/// <summary>
/// Reads only the findings out of a stored scan document, in either form <c>scan_report.document</c> holds: Berth's
/// own (<c>findings[]</c> with <c>advisory_id</c>, <c>aliases</c>, <c>severity</c>; RustSec notices, which carry
/// <c>informational</c>, are not vulnerabilities) or an external adapter's Harbor report wrapped under
/// <c>external_report</c> (<c>vulnerabilities[]</c> with <c>id</c> and <c>severity</c>). The inventory and
/// everything else is skipped, so the full report types are not needed here.
/// </summary>
public static class ReportFindingsReader
{
    /// <summary>The findings, or null when the text is not a scan document of either form.</summary>
    public static IReadOnlyList<ReportFinding>? Read(string document)
    {
        try
        {
            using var json = JsonDocument.Parse(document);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("external_report", out var external))
            {
                return external.TryGetProperty("report", out var report) && report.ValueKind == JsonValueKind.Object
                    ? ReadExternal(report)
                    : null;
            }
            return root.TryGetProperty("findings", out var findings) ? ReadOwn(findings) : root.TryGetProperty("format", out _) ? [] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<ReportFinding> ReadOwn(JsonElement findings)
    {
        var read = new List<ReportFinding>();
        if (findings.ValueKind != JsonValueKind.Array) return read;
        foreach (var finding in findings.EnumerateArray())
        {
            if (finding.ValueKind != JsonValueKind.Object) continue;
            if (finding.TryGetProperty("informational", out var notice) && notice.ValueKind != JsonValueKind.Null) continue;
            if (Text(finding, "advisory_id") is not { } id) continue;
            read.Add(new ReportFinding(id, Aliases(finding), SeverityThreshold.CodeOfFinding(Text(finding, "severity"))));
        }
        return read;
    }

    private static List<ReportFinding> ReadExternal(JsonElement report)
    {
        var read = new List<ReportFinding>();
        if (!report.TryGetProperty("vulnerabilities", out var items) || items.ValueKind != JsonValueKind.Array) return read;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || Text(item, "id") is not { } id) continue;
            read.Add(new ReportFinding(id, [], SeverityThreshold.CodeOfFinding(Text(item, "severity"))));
        }
        return read;
    }

    private static string[] Aliases(JsonElement finding) =>
        finding.TryGetProperty("aliases", out var aliases) && aliases.ValueKind == JsonValueKind.Array
            ? [.. aliases.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)]
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
