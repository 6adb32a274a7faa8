using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter;

/// <summary>An enabled capability's <c>parameters</c> (the spec's <c>SbomParameters</c>): which SBOM documents are wanted.</summary>
public sealed record ScanRequestParametersJson(
    [property: JsonPropertyName("sbom_media_types")] IReadOnlyList<string?>? SbomMediaTypes);
