namespace Berth.Policy;

/// <summary>
/// Artifacts no deployment policy applies to whoever pulls them, such as signatures themselves (a verifier
/// must read a signature to check it).
/// </summary>
public interface IPolicyExemption
{
    ValueTask<bool> IsExemptAsync(ArtifactSubject subject, CancellationToken cancellationToken);
}
