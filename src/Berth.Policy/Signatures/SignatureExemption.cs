using Berth.Core;

namespace Berth.Policy.Signatures;

/// <summary>
/// A signature object is always pullable, whatever the project's policy: a verifier has to read it, and it holds no
/// file system to run (Harbor exempts signature accessories likewise). An index is never one, so it is answered without a
/// lookup.
/// </summary>
public sealed class SignatureExemption(SignatureDiscovery discovery) : IPolicyExemption
{
    public async ValueTask<bool> IsExemptAsync(ArtifactSubject subject, CancellationToken cancellationToken) =>
        !MediaTypes.IsIndex(subject.MediaType)
        && await discovery.IsSignatureAsync(subject.Repository, subject.Digest, cancellationToken);
}
