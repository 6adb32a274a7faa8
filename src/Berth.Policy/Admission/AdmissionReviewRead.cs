namespace Berth.Policy.Admission;

/// <summary>A review that parsed, or the reason it did not (the endpoint answers 400 with it).</summary>
public readonly record struct AdmissionReviewRead(AdmissionReview? Review, string? Error)
{
    public static AdmissionReviewRead Malformed(string error) => new(null, error);
}
