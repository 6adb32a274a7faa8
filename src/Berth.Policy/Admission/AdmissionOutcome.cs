namespace Berth.Policy.Admission;

/// <summary>
/// What the endpoint sends: an AdmissionReview (HTTP 200) or, for a body that is not a readable review, a 400
/// with <see cref="Error"/>. The other fields are for the log and the audit view: dry-run findings,
/// the failure that made the webhook deny to fail closed, and what the review showed running or removed.
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

    /// <summary>The workload an admitted, non-dry-run CREATE or UPDATE showed running, for the audit view.</summary>
    public AdmissionSighting? Seen { get; init; }

    /// <summary>The workload a DELETE review removes, which the audit view forgets.</summary>
    public Berth.Metadata.Admission.WorkloadKey? Gone { get; init; }

    public static AdmissionOutcome Malformed(string error) => new(null, error, null, null, [], null);
}
