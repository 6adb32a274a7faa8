using Berth.Scanning.Advisories.Cvss;

namespace Berth.Scanning.Advisories;

/// <summary>
/// Turns what feeds say about severity into a <see cref="Severity"/>: a vendor's label when it gives one,
/// else the CVSS v3 base score, else v2, else Unknown (Trivy's order).
/// </summary>
public static class SeverityRatings
{
    /// <summary>CVSS qualitative scale; 0.0 ("None") is Unknown, as Trivy reports it.</summary>
    public static Severity FromScore(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        > 0.0 => Severity.Low,
        _ => Severity.Unknown,
    };

    /// <summary>
    /// A vendor label: GHSA CRITICAL/HIGH/MODERATE/LOW, Ubuntu negligible…critical, Debian urgencies
    /// (unimportant, low**, medium*, high, "not yet assigned"). Null when the label says nothing.
    /// </summary>
    public static Severity? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var word = label.Trim().TrimEnd('*').ToLowerInvariant();
        return word switch
        {
            "critical" => Severity.Critical,
            "high" or "important" => Severity.High,
            "moderate" or "medium" => Severity.Medium,
            "low" or "negligible" or "unimportant" => Severity.Low,
            _ => null,
        };
    }

    /// <summary>The rating for a CVSS vector of any supported version, or null when it cannot be scored.</summary>
    public static AdvisoryRating? FromVector(string? vector)
    {
        if (string.IsNullOrWhiteSpace(vector)) return null;
        var score = vector.StartsWith("CVSS:3.", StringComparison.Ordinal) ? CvssV3.BaseScore(vector) : CvssV2.BaseScore(vector);
        return score is { } s ? new AdvisoryRating(FromScore(s), vector.Trim(), s) : null;
    }

    /// <summary>
    /// Picks the rating: the vendor label first (keeping the best CVSS for display), then CVSS v3, then v2.
    /// </summary>
    public static AdvisoryRating Choose(string? vendorLabel, IEnumerable<string?> cvssV3Vectors, IEnumerable<string?> cvssV2Vectors)
    {
        var cvss = cvssV3Vectors.Select(FromVector).FirstOrDefault(r => r is not null)
                   ?? cvssV2Vectors.Select(FromVector).FirstOrDefault(r => r is not null);
        if (FromLabel(vendorLabel) is { } vendor) return new AdvisoryRating(vendor, cvss?.CvssVector, cvss?.CvssScore);
        return cvss ?? AdvisoryRating.Unknown;
    }
}
