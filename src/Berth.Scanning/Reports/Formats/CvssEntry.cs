using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>One source's CVSS as Trivy and Harbor's vendor attributes write it: <c>{V3Vector, V3Score}</c> or v2.</summary>
public sealed record CvssEntry
{
    [JsonPropertyName("V2Vector")]
    public string? V2Vector { get; init; }

    [JsonPropertyName("V3Vector")]
    public string? V3Vector { get; init; }

    [JsonPropertyName("V2Score")]
    public double? V2Score { get; init; }

    [JsonPropertyName("V3Score")]
    public double? V3Score { get; init; }

    /// <summary>The entry for a finding's vector and score, placed by the vector's CVSS version; null without a vector.</summary>
    public static CvssEntry? Of(string? vector, double? score)
    {
        if (string.IsNullOrEmpty(vector)) return null;
        return IsVersion3(vector) ? new CvssEntry { V3Vector = vector, V3Score = score } : new CvssEntry { V2Vector = vector, V2Score = score };
    }

    public static bool IsVersion3(string vector) => vector.StartsWith("CVSS:3.", StringComparison.Ordinal);
}
