using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>The layer that brought a vulnerable package. Not in the adapter spec; harbor-scanner-trivy sends it and Harbor ignores it.</summary>
public sealed record HarborLayer(
    [property: JsonPropertyName("digest")] string? Digest,
    [property: JsonPropertyName("diff_id")] string? DiffId);
