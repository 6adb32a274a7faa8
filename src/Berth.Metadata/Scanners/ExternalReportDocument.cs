using System.Text.Json.Nodes;

namespace Berth.Metadata.Scanners;

/// <summary>
/// How a report from an external scanner is stored in <c>scan_report.document</c>: the Harbor report as the adapter
/// sent it, wrapped with its media type, so it is never mistaken for Berth's own stored inventory.
/// </summary>
public static class ExternalReportDocument
{
    private const string Marker = "external_report";

    public static string Wrap(string mediaType, JsonNode report) =>
        new JsonObject { [Marker] = new JsonObject { ["media_type"] = mediaType, ["report"] = report } }.ToJsonString();

    /// <summary>The stored Harbor report and its media type, when the document is an external one.</summary>
    public static bool TryUnwrap(string document, out string mediaType, out JsonNode report)
    {
        mediaType = "";
        report = null!;
        // Berth's own documents are large; only a document that starts with the marker is parsed here.
        if (!document.AsSpan().TrimStart().StartsWith("{\"" + Marker + "\"", StringComparison.Ordinal)) return false;
        try
        {
            var wrapped = JsonNode.Parse(document)?[Marker];
            if (wrapped?["media_type"]?.GetValue<string>() is not { } type || wrapped["report"] is not JsonObject stored) return false;
            mediaType = type;
            report = stored.DeepClone();
            return true;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }
}
