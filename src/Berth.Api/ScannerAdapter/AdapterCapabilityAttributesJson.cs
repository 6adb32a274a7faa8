using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter;

/// <summary>A capability's <c>additional_attributes</c>: for the sbom capability, the SBOM documents it can write.</summary>
public sealed record AdapterCapabilityAttributesJson(
    [property: JsonPropertyName("sbom_media_types")] IReadOnlyList<string> SbomMediaTypes);
