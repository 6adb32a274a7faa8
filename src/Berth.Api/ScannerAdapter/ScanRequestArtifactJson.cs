using System.Text.Json.Serialization;

namespace Berth.Api.ScannerAdapter;

/// <summary>The artifact to scan, as the spec's <c>Artifact</c> names it.</summary>
public sealed record ScanRequestArtifactJson(
    [property: JsonPropertyName("repository")] string? Repository,
    [property: JsonPropertyName("digest")] string? Digest,
    [property: JsonPropertyName("tag")] string? Tag,
    [property: JsonPropertyName("mime_type")] string? MimeType);
