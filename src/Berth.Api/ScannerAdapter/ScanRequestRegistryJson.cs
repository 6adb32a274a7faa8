using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter;

/// <summary>Where to pull the artifact from: the registry's base URL and the <c>Authorization</c> value for its /v2 API.</summary>
public sealed record ScanRequestRegistryJson(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("authorization")] string? Authorization);
