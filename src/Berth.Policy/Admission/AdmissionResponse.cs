namespace Berth.Policy.Admission;

/// <summary>The <c>response</c> of an AdmissionReview: allowed, or refused with a 403 and the joined reasons.</summary>
public sealed record AdmissionResponse(string Uid, bool Allowed, string? Message, IReadOnlyList<string> Warnings)
{
    public static AdmissionResponse Allow(string uid, IReadOnlyList<string>? warnings = null) => new(uid, true, null, warnings ?? []);

    public static AdmissionResponse Deny(string uid, string message, IReadOnlyList<string>? warnings = null) => new(uid, false, message, warnings ?? []);
}
