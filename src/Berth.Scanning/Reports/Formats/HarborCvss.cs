using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>A vulnerability's <c>preferred_cvss</c>: the scores and vectors Harbor shows.</summary>
public sealed record HarborCvss
{
    [JsonPropertyName("score_v3")]
    public double? ScoreV3 { get; init; }

    [JsonPropertyName("score_v2")]
    public double? ScoreV2 { get; init; }

    [JsonPropertyName("vector_v3")]
    public string? VectorV3 { get; init; }

    [JsonPropertyName("vector_v2")]
    public string? VectorV2 { get; init; }
}
