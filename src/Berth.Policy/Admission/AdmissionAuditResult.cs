namespace Berth.Policy.Admission;

/// <summary>An audit run: when it ran, how many workloads it re-evaluated, and what it found, in workload order.</summary>
public sealed record AdmissionAuditResult(DateTimeOffset AuditedAt, int Workloads, IReadOnlyList<AdmissionAuditViolation> Violations);
