using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berth.Scanning.Advisories;

/// <summary>
/// The stored form of an advisory row's affected entries: the scanner writes it at import and reads it
/// when matching; the database keeps it as opaque text.
/// </summary>
public static class AffectedPackageJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(IReadOnlyList<AffectedPackage> affected) => JsonSerializer.Serialize(affected, Options);

    /// <summary>The entries, or null when the text is not what <see cref="Serialize"/> writes.</summary>
    public static IReadOnlyList<AffectedPackage>? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<AffectedPackage[]>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
