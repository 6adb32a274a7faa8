namespace Berth.Policy.Vulnerabilities;

/// <summary>
/// A project's <c>severity</c> metadata as Harbor reads it (<c>vuln.ParseSeverityVersion3</c>): a code to compare
/// findings against and the name its messages show. Unset or unknown values are "Unknown" with code 0, which blocks
/// every vulnerability not on the allowlist, exactly as in Harbor.
/// </summary>
public readonly record struct SeverityThreshold(int Code, string Name)
{
    public const string MetadataKey = "severity";

    public static SeverityThreshold Of(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        // A scanner's Negligible counts as None when the threshold is read.
        "none" or "negligible" => new(0, "None"),
        "low" => new(2, "Low"),
        "medium" => new(3, "Medium"),
        "high" => new(4, "High"),
        "critical" => new(5, "Critical"),
        _ => new(0, "Unknown"),
    };

    /// <summary>
    /// Harbor's code of a finding's severity: None and Unknown 0, Negligible 1, Low 2, Medium 3, High 4, Critical 5.
    /// Berth's own reports write Unknown|Low|Medium|High|Critical; an external adapter may add Negligible and None.
    /// </summary>
    public static int CodeOfFinding(string? severity) => severity?.Trim().ToLowerInvariant() switch
    {
        "negligible" => 1,
        "low" => 2,
        "medium" => 3,
        "high" => 4,
        "critical" => 5,
        _ => 0,
    };
}
