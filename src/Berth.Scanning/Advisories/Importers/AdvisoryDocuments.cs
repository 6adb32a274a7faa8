using System.Text.Json.Nodes;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>Recognises a parsed advisory document by its shape and reads it with the matching reader.</summary>
internal static class AdvisoryDocuments
{
    /// <summary>The advisories, or null when the shape is not one we read; <paramref name="error"/> when it is but is malformed.</summary>
    public static IReadOnlyList<Advisory>? Read(JsonNode? node, out string? error)
    {
        error = null;
        if (node is JsonArray array)
        {
            // An array of OSV records, as the osv.dev API returns them.
            if (array.Count == 0 || !array.All(OsvReader.IsOsv)) return null;
            var advisories = new List<Advisory>();
            foreach (var item in array)
            {
                if (OsvReader.Read(item, out error) is not { } advisory) return null;
                advisories.Add(advisory);
            }
            return advisories;
        }
        if (OsvReader.IsOsv(node)) return OsvReader.Read(node, out error) is { } one ? [one] : null;
        if (AlpineSecdbReader.IsSecdb(node)) return AlpineSecdbReader.Read(node, out error);
        if (UbuntuTrackerReader.IsUbuntuTracker(node))
        {
            var advisory = UbuntuTrackerReader.Read(node, out error);
            return advisory is null ? null : advisory.Affected.Count == 0 ? [] : [advisory];
        }
        return null;
    }
}
