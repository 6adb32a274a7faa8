namespace Berth.Policy;

/// <summary>
/// One reason an artifact may not be deployed. <see cref="Message"/> is what the user reads (Harbor's words on
/// a pull); <see cref="CveIds"/> names the blocking vulnerabilities when the reason is one.
/// </summary>
/// <param name="Policy">Which rule: one of <see cref="PolicyKinds"/>.</param>
public sealed record PolicyViolation(string Policy, string Message, IReadOnlyList<string> CveIds)
{
    public PolicyViolation(string policy, string message) : this(policy, message, []) { }
}
