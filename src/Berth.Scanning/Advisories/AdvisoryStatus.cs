namespace Berth.Scanning.Advisories;

/// <summary>Where a vendor stands on an advisory for a package (trivy-db's status values).</summary>
public enum AdvisoryStatus
{
    Unknown,
    NotAffected,
    Affected,
    Fixed,
    UnderInvestigation,
    WillNotFix,
    FixDeferred,
    EndOfLife,
}
