namespace Berth.Policy.Signatures;

/// <summary>Whether one signature verified against the project's keys and is bound to the subject; if not, why.</summary>
public readonly record struct SignatureVerification(bool Verified, string? Reason)
{
    public static SignatureVerification Ok { get; } = new(true, null);

    public static SignatureVerification Refused(string reason) => new(false, reason);
}
