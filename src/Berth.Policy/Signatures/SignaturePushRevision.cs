using Berth.Metadata.Artifacts;

namespace Berth.Policy.Signatures;

/// <summary>
/// Advances the policy revision when a push may have signed something: a cosign accessory tag, or any manifest with a
/// <c>subject</c> (a referrer: a signature, or an attestation, which costs only a cache refresh). Ordinary image
/// pushes change no other artifact's verdict and leave cached decisions alone.
/// </summary>
public sealed class SignaturePushRevision(PolicyRevision revision) : IArtifactPushObserver
{
    public Task OnPushedAsync(ArtifactPush push, CancellationToken cancellationToken)
    {
        if (push.Subject is not null || (push.Tag is { } tag && AccessoryTags.IsAccessoryTag(tag))) revision.Advance();
        return Task.CompletedTask;
    }
}
