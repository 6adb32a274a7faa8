using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// One entry of <c>enabled_capabilities</c>: a capability type and, optionally, the report types wanted from it and
/// (for sbom) the parameters naming the SBOM documents.
/// </summary>
public sealed record ScanRequestCapabilityJson(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("produces_mime_types")] IReadOnlyList<string>? ProducesMimeTypes,
    [property: JsonPropertyName("parameters")] ScanRequestParametersJson? Parameters = null);
