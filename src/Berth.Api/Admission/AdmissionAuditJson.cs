using Berth.Policy.Admission;

namespace Berth.Api.Admission;

/// <summary>The audit's answer: when it ran, the totals, and one page of violations.</summary>
public sealed record AdmissionAuditJson(
    DateTimeOffset AuditTimestamp, int TotalWorkloads, int TotalViolations, Dictionary<string, int> ViolationsByAction,
    IReadOnlyList<AdmissionAuditViolationJson> Violations)
{
    public static AdmissionAuditJson From(AdmissionAuditResult result, int offset, int pageSize) => new(
        result.AuditedAt,
        result.Workloads,
        result.Violations.Count,
        new Dictionary<string, int>
        {
            ["deny"] = result.Violations.Count(v => v.Action == EnforcementAction.Deny),
            ["warn"] = result.Violations.Count(v => v.Action == EnforcementAction.Warn),
            ["dryrun"] = result.Violations.Count(v => v.Action == EnforcementAction.DryRun),
        },
        [.. result.Violations.Skip(offset).Take(pageSize).Select(v => new AdmissionAuditViolationJson(
            Action(v.Action), v.Group, v.Kind, v.Namespace, v.Name, v.Message, v.LastSeen))]);

    private static string Action(EnforcementAction action) => action switch
    {
        EnforcementAction.Warn => "warn",
        EnforcementAction.DryRun => "dryrun",
        _ => "deny",
    };
}
