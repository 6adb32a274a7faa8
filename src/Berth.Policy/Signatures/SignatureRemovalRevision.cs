using Berth.Metadata.Artifacts;

namespace Berth.Policy.Signatures;

/// <summary>
/// Advances the policy revision when an artifact is deleted (it may have been a signature, or taken its signatures
/// with it) or a cosign accessory tag is, so a cached admission decision does not outlive the signature it relied on.
/// </summary>
public sealed class SignatureRemovalRevision(PolicyRevision revision) : IArtifactRemovalObserver
{
    public Task OnRemovedAsync(ArtifactRemoval removal, CancellationToken cancellationToken)
    {
        if (removal.Artifacts.Count > 0 || removal.Tags.Any(AccessoryTags.IsAccessoryTag)) revision.Advance();
        return Task.CompletedTask;
    }
}
