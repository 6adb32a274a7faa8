using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// Harbor's vulnerability report (<c>application/vnd.security.vulnerability.report; version=1.1</c>), as the Pluggable
/// Scanner API's report endpoint and the artifact's vulnerabilities addition return it.
/// </summary>
public sealed record HarborReportDocument
{
    [JsonPropertyName("generated_at")]
    public required DateTimeOffset GeneratedAt { get; init; }

    [JsonPropertyName("artifact")]
    public required HarborArtifact Artifact { get; init; }

    [JsonPropertyName("scanner")]
    public required HarborScanner Scanner { get; init; }

    /// <summary>The highest severity among the vulnerabilities, "None" when there are none.</summary>
    [JsonPropertyName("severity")]
    public required string Severity { get; init; }

    [JsonPropertyName("vulnerabilities")]
    public IReadOnlyList<HarborVulnerabilityItem> Vulnerabilities { get; init; } = [];
}
