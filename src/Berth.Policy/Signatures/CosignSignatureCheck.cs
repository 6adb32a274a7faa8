using Berth.Metadata.Access;

namespace Berth.Policy.Signatures;

/// <summary>Harbor's <c>enable_content_trust_cosign</c>: refuse artifacts without a cosign signature (checked first).</summary>
public sealed class CosignSignatureCheck(SignatureRequirement requirement) : IPolicyCheck
{
    public const string MetadataKey = "enable_content_trust_cosign";

    public int Order => 10;

    public async ValueTask<PolicyCheckResult> CheckAsync(ProjectRecord project, ArtifactSubject subject, CancellationToken cancellationToken)
    {
        if (!ContentTrust.IsEnabled(project, MetadataKey)) return PolicyCheckResult.Pass;
        return new PolicyCheckResult(await requirement.CheckAsync(project, subject, SignatureKind.Cosign, cancellationToken));
    }
}
