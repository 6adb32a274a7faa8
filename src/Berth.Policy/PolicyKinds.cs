namespace Berth.Policy;

/// <summary>The rules a <see cref="PolicyViolation"/> can come from.</summary>
public static class PolicyKinds
{
    /// <summary>A vulnerability at or above the project's threshold, not on the applicable allowlist.</summary>
    public const string Vulnerability = "vulnerability";

    /// <summary>No scan report, or a scan that is pending, running, stopped or failed.</summary>
    public const string Unscanned = "unscanned";

    /// <summary>No cosign signature (or none that verifies against the project's keys).</summary>
    public const string CosignSignature = "cosign-signature";

    /// <summary>No notation signature (or none that verifies against the project's keys).</summary>
    public const string NotationSignature = "notation-signature";
}
