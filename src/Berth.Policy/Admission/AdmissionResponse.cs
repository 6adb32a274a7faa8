namespace Berth.Policy.Admission;

/// <summary>
/// The <c>response</c> of an AdmissionReview: allowed, or refused with a 403 and the joined reasons. A mutating
/// answer carries <see cref="Patch"/>, an RFC 6902 JSON Patch (UTF-8 JSON), sent base64 with <c>patchType: JSONPatch</c>.
/// </summary>
public sealed record AdmissionResponse(string Uid, bool Allowed, string? Message, IReadOnlyList<string> Warnings)
{
    public byte[]? Patch { get; init; }

    public static AdmissionResponse Allow(string uid, IReadOnlyList<string>? warnings = null) => new(uid, true, null, warnings ?? []);

    public static AdmissionResponse Deny(string uid, string message, IReadOnlyList<string>? warnings = null) => new(uid, false, message, warnings ?? []);
}
