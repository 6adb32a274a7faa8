using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// The spec's <c>ScanRequest</c> as it arrives. Fields Harbor adds beyond the spec (<c>artifact.size</c>,
/// <c>registry.insecure</c>…) are ignored; missing ones are null, for the validation to name.
/// </summary>
public sealed record ScanRequestJson(
    [property: JsonPropertyName("registry")] ScanRequestRegistryJson? Registry,
    [property: JsonPropertyName("artifact")] ScanRequestArtifactJson? Artifact,
    [property: JsonPropertyName("enabled_capabilities")] IReadOnlyList<ScanRequestCapabilityJson?>? EnabledCapabilities);
