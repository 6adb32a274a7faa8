using Berth.Metadata.Access;

namespace Berth.Policy.Signatures;

/// <summary>
/// A Harbor content-trust switch: when the project's metadata key is on ("true" or "1"), the artifact must meet the
/// <see cref="SignatureRequirement"/> for one signature kind. One class for both switches, so they cannot drift.
/// </summary>
public abstract class SignatureCheck(SignatureRequirement requirement, SignatureKind kind, string metadataKey, int order) : IPolicyCheck
{
    public int Order => order;

    public async ValueTask<PolicyCheckResult> CheckAsync(ProjectRecord project, ArtifactSubject subject, CancellationToken cancellationToken)
    {
        if (!project.Metadata.TryGetValue(metadataKey, out var value) || value is not ("true" or "1")) return PolicyCheckResult.Pass;
        return new PolicyCheckResult(await requirement.CheckAsync(project, subject, kind, cancellationToken));
    }
}
