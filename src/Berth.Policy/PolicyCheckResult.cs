namespace Berth.Policy;

/// <summary>What one <see cref="IPolicyCheck"/> found, and until when that answer holds by time alone.</summary>
public readonly record struct PolicyCheckResult(PolicyViolation? Violation, DateTimeOffset? ValidUntil = null)
{
    public static PolicyCheckResult Pass { get; } = new(null);
}
