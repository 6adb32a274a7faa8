using System.Text.Json;

namespace Berth.Scanning.Analyzers.Language;

/// <summary>Tolerant reads from manifests written by many tool versions: a field of the wrong type counts as absent.</summary>
public static class JsonValues
{
    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool True(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.True;

    public static JsonElement? Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static JsonElement? Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Array
            ? value
            : null;

    /// <summary>
    /// A licence field in any of the shapes manifests use: "MIT", ["MIT", "ISC"], {"type": "MIT"} or a list of those.
    /// Several licences are joined with ", ".
    /// </summary>
    public static string? License(JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value)) return null;
        var names = new List<string>();
        Collect(value, names);
        return names.Count == 0 ? null : string.Join(", ", names);

        static void Collect(JsonElement value, List<string> names)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                    names.Add(value.GetString()!.Trim());
                    break;
                case JsonValueKind.Object when String(value, "type") is { Length: > 0 } type:
                    names.Add(type.Trim());
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray()) Collect(item, names);
                    break;
            }
        }
    }
}
