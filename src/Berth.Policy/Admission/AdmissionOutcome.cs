namespace Berth.Policy.Admission;

/// <summary>
/// What the endpoint sends: an AdmissionReview (HTTP 200) or, for a body that is not a readable review, a 400
/// with <see cref="Error"/>. The other fields are for the log (and a later audit view): dry-run findings, and
/// the failure that made the webhook deny to fail closed.
/// </summary>
public sealed record AdmissionOutcome(
    byte[]? Review,
    string? Error,
    AdmissionRequest? Request,
    AdmissionResponse? Response,
    IReadOnlyList<string> DryRun,
    Exception? Failure)
{
    public bool IsMalformed => Review is null;

    public static AdmissionOutcome Malformed(string error) => new(null, error, null, null, [], null);
}
