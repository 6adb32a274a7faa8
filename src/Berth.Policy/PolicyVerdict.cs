namespace Berth.Policy;

/// <summary>
/// A policy's answer for one artifact: allowed when there are no violations. <see cref="ValidUntil"/> says
/// when the answer may change by time alone (an allowlist expiring); null when only data changes can change it.
/// </summary>
public sealed record PolicyVerdict(IReadOnlyList<PolicyViolation> Violations, DateTimeOffset? ValidUntil = null)
{
    public static PolicyVerdict Allowed { get; } = new([]);

    public bool IsAllowed => Violations.Count == 0;
}
