using System.Text.Json;

namespace Berth.Policy.Signatures;

/// <summary>Lenient reads of the JSON inside signatures: a missing or mistyped field is null, never an exception.</summary>
internal static class SignatureJson
{
    /// <summary>Parses <paramref name="content"/>, or null when it is not a JSON object.</summary>
    public static JsonDocument? ParseObject(ReadOnlySpan<byte> content)
    {
        try
        {
            var document = JsonDocument.Parse(content.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first of <paramref name="names"/> present on the object (protobuf JSON allows camelCase and snake_case).</summary>
    public static JsonElement? Property(this JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value)) return value;
        }
        return null;
    }

    public static JsonElement? Property(this JsonElement? element, params string[] names) => element is { } value ? value.Property(names) : null;

    public static JsonElement? PropertyIgnoringCase(this JsonElement? element, string name) =>
        element is { } value ? value.PropertyIgnoringCase(name) : null;

    /// <summary>The property whose name matches <paramref name="name"/> ignoring case (cosign's payload keys vary in case).</summary>
    public static JsonElement? PropertyIgnoringCase(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        }
        return null;
    }

    public static string? String(this JsonElement? element) => element is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static byte[]? Base64(this JsonElement? element)
    {
        if (element.String() is not { } text) return null;
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
