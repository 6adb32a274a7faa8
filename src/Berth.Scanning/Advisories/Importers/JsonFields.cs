using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>Tolerant reads from a parsed document: a wrong-typed field reads as absent instead of throwing.</summary>
internal static class JsonFields
{
    public static string? Text(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    } : null;

    public static string? Text(JsonNode? node, string property) => Text(Object(node)?[property]);

    public static JsonObject? Object(JsonNode? node) => node as JsonObject;

    public static JsonObject? Object(JsonNode? node, string property) => Object(node)?[property] as JsonObject;

    public static IEnumerable<JsonNode?> Array(JsonNode? node, string property) => Object(node)?[property] as JsonArray ?? [];

    public static IReadOnlyList<string> Texts(JsonNode? node, string property) =>
        [.. Array(node, property).Select(Text).OfType<string>().Where(s => s.Length > 0)];

    /// <summary>
    /// An RFC 3339 time, or null when absent or the zero time golang/vulndb writes in its repository
    /// (the real times are filled in only when the data is deployed).
    /// </summary>
    public static DateTimeOffset? Time(JsonNode? node, string property)
    {
        var text = Text(node, property);
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)) return null;
        return time.Year <= 1 ? null : time;
    }
}
