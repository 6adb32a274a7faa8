using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>The artifact a Harbor report is about, as the scan request named it.</summary>
public sealed record HarborArtifact(
    [property: JsonPropertyName("repository")] string Repository,
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("tag")] string? Tag,
    [property: JsonPropertyName("mime_type")] string MimeType);
