namespace Berth.Scanning.Advisories;

/// <summary>Qualitative severity, as Trivy and Harbor report it. CVSS "None" maps to Unknown, as in Trivy.</summary>
public enum Severity
{
    Unknown,
    Low,
    Medium,
    High,
    Critical,
}
