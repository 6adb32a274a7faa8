namespace Berth.Api.Admission;

/// <summary>Gatekeeper's <c>status.violations[]</c> entry (snake_case, as Harbor's API writes), plus when the workload was last seen.</summary>
public sealed record AdmissionAuditViolationJson(
    string EnforcementAction, string Group, string Kind, string Namespace, string Name, string Message, DateTimeOffset LastSeen);
