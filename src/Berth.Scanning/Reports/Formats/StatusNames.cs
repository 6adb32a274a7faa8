using Berth.Scanning.Advisories;

namespace Berth.Scanning.Reports.Formats;

/// <summary>trivy-db's lower-case status names (fixed, affected, will_not_fix, …), which Harbor shows as they are.</summary>
public static class StatusNames
{
    public static string Of(AdvisoryStatus status) => status switch
    {
        AdvisoryStatus.NotAffected => "not_affected",
        AdvisoryStatus.Affected => "affected",
        AdvisoryStatus.Fixed => "fixed",
        AdvisoryStatus.UnderInvestigation => "under_investigation",
        AdvisoryStatus.WillNotFix => "will_not_fix",
        AdvisoryStatus.FixDeferred => "fix_deferred",
        AdvisoryStatus.EndOfLife => "end_of_life",
        _ => "unknown",
    };
}
