namespace Berth.Policy.Admission;

/// <summary>
/// One finding of the audit: a remembered workload whose images would not be admitted now (or would be warned
/// about, or found by a dry-run constraint), as Gatekeeper lists them in a constraint's <c>status.violations</c>.
/// </summary>
public sealed record AdmissionAuditViolation(
    EnforcementAction Action, string Group, string Kind, string Namespace, string Name, string Message, DateTimeOffset LastSeen);
