namespace Berth.Scanning.Advisories;

/// <summary>A severity with the CVSS vector and base score it came from, when it came from one.</summary>
public sealed record AdvisoryRating(Severity Severity, string? CvssVector, double? CvssScore)
{
    public static AdvisoryRating Unknown { get; } = new(Severity.Unknown, null, null);
}
