using Berth.Policy.Admission;

namespace Berth.Composition;

/// <summary>The admission configuration as read at start: the constraints and settings, or what is wrong with them.</summary>
internal sealed record AdmissionRules(IReadOnlyList<AllowedReposConstraint>? Constraints, AdmissionSettings Settings, string? Error)
{
    /// <summary>Which images the mutating webhook pins to digests (<c>Admission:PinDigests</c>).</summary>
    public DigestPinning Pinning { get; init; } = DigestPinning.None;

    /// <summary>What the audit view remembers (<c>Admission:AuditRetention</c>, <c>Admission:AuditCapacity</c>).</summary>
    public AdmissionAuditSettings Audit { get; init; } = AdmissionAuditSettings.Standard;
}
