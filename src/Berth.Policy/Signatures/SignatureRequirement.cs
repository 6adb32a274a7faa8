using Berth.Metadata.Access;
using Berth.Metadata.Signatures;
using Microsoft.Extensions.Logging;

namespace Berth.Policy.Signatures;

/// <summary>
/// Content trust for one artifact: some signature of the kind must exist (Harbor's rule, existence only), and when the
/// project trusts keys of that kind, at least one signature must verify against one of them and be bound to the
/// artifact's digest. What cannot be verified counts as unsigned (fail closed), with the reason in the message.
/// </summary>
public sealed partial class SignatureRequirement(
    SignatureDiscovery discovery,
    ISignatureKeyStore keyStore,
    CosignSimpleSigningVerifier cosign,
    SigstoreBundleVerifier bundles,
    NotationJwsVerifier notation,
    ILogger<SignatureRequirement> logger)
{
    /// <summary>Harbor's message when the artifact has no signature of the kind.</summary>
    public static string NotSigned(SignatureKind kind) => $"The image is not signed by {SignatureKindNames.Of(kind)}.";

    public async Task<PolicyViolation?> CheckAsync(ProjectRecord project, ArtifactSubject subject, SignatureKind kind, CancellationToken cancellationToken)
    {
        var policy = kind == SignatureKind.Cosign ? PolicyKinds.CosignSignature : PolicyKinds.NotationSignature;
        var signatures = await discovery.FindAsync(subject, kind, cancellationToken);
        if (signatures.Count == 0) return new PolicyViolation(policy, NotSigned(kind));

        var keys = await TrustedKeysAsync(project, kind, cancellationToken);
        if (keys.Count == 0) return null;
        string? reason = null;
        foreach (var signature in signatures)
        {
            var verification = await VerifyAsync(subject, signature, keys, kind, cancellationToken);
            if (verification.Verified) return null;
            reason = verification.Reason;
            LogRefused(logger, SignatureKindNames.Of(kind), signature.Digest.ToString(), subject.Repository, subject.Digest.ToString(), reason ?? "");
        }
        return new PolicyViolation(policy,
            $"The image is not signed by {SignatureKindNames.Of(kind)} with a key project {project.Name} trusts: {reason}.");
    }

    private Task<SignatureVerification> VerifyAsync(
        ArtifactSubject subject, SignatureManifest signature, IReadOnlyList<TrustedKey> keys, SignatureKind kind, CancellationToken cancellationToken)
    {
        if (kind == SignatureKind.Notation) return notation.VerifyAsync(subject, signature, keys, cancellationToken);
        return SignatureFormats.IsSigstoreBundle(signature.ArtifactType)
            ? bundles.VerifyAsync(subject, signature, keys, cancellationToken)
            : cosign.VerifyAsync(subject, signature, keys, cancellationToken);
    }

    private async Task<IReadOnlyList<TrustedKey>> TrustedKeysAsync(ProjectRecord project, SignatureKind kind, CancellationToken cancellationToken)
    {
        var usage = SignatureKindNames.Of(kind);
        var trusted = new List<TrustedKey>();
        foreach (var record in await keyStore.ListAsync(project.Id, cancellationToken))
        {
            if (record.Usage != usage) continue;
            // Keys were validated when added; one that no longer parses verifies nothing, so it only narrows trust.
            if (TrustedKey.TryParse(record.Pem, out var key, out _)) trusted.Add(key);
        }
        return trusted;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Kind} signature {Signature} of {Repository}@{Digest} not accepted: {Reason}")]
    private static partial void LogRefused(ILogger logger, string kind, string signature, string repository, string digest, string reason);
}
