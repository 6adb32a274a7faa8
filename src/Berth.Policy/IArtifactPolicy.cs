namespace Berth.Policy;

/// <summary>
/// A project's deployment policy for one artifact, as a pull and an admission review both apply it. Who may
/// bypass it (Berth's scanner, a signing tool) is the caller's decision, not this one's.
/// </summary>
public interface IArtifactPolicy
{
    /// <summary>Every violation, in check order; allowed when the project does not exist or enables nothing.</summary>
    ValueTask<PolicyVerdict> EvaluateAsync(ArtifactSubject subject, CancellationToken cancellationToken);
}
