using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter;

/// <summary>The spec's <c>ScannerCapability</c>; <see cref="AdditionalAttributes"/> is left out where it is null (vulnerability).</summary>
public sealed record AdapterCapabilityJson(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("consumes_mime_types")] IReadOnlyList<string> ConsumesMimeTypes,
    [property: JsonPropertyName("produces_mime_types")] IReadOnlyList<string> ProducesMimeTypes,
    [property: JsonPropertyName("additional_attributes")] AdapterCapabilityAttributesJson? AdditionalAttributes = null);
