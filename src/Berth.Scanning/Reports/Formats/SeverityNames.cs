using Berth.Scanning.Advisories;

namespace Berth.Scanning.Reports.Formats;

/// <summary>How each format spells a severity: Harbor capitalises, Trivy shouts, CycloneDX whispers.</summary>
public static class SeverityNames
{
    /// <summary>Harbor's enum (Unknown, Negligible, Low, Medium, High, Critical); Berth never rates Negligible.</summary>
    public static string Harbor(Severity severity) => severity switch
    {
        Severity.Critical => "Critical",
        Severity.High => "High",
        Severity.Medium => "Medium",
        Severity.Low => "Low",
        _ => "Unknown",
    };

    /// <summary>The highest severity of a report as Harbor's overview writes it: "None" when nothing was found.</summary>
    public static string HarborOverall(Severity? highest) => highest is { } severity ? Harbor(severity) : "None";

    /// <summary>Trivy's UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL.</summary>
    public static string Trivy(Severity severity) => Harbor(severity).ToUpperInvariant();

    /// <summary>CycloneDX's severity enum (critical, high, medium, low, info, none, unknown).</summary>
    public static string CycloneDx(Severity severity) => Harbor(severity).ToLowerInvariant();
}
