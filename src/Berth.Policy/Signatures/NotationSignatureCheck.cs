using Berth.Metadata.Access;

namespace Berth.Policy.Signatures;

/// <summary>Harbor's <c>enable_content_trust</c> (once Notary v1, now notation): refuse artifacts without a notation signature.</summary>
public sealed class NotationSignatureCheck(SignatureRequirement requirement) : IPolicyCheck
{
    public const string MetadataKey = "enable_content_trust";

    public int Order => 11;

    public async ValueTask<PolicyCheckResult> CheckAsync(ProjectRecord project, ArtifactSubject subject, CancellationToken cancellationToken)
    {
        if (!ContentTrust.IsEnabled(project, MetadataKey)) return PolicyCheckResult.Pass;
        return new PolicyCheckResult(await requirement.CheckAsync(project, subject, SignatureKind.Notation, cancellationToken));
    }
}
