using Berth.Metadata;
using Berth.Metadata.Artifacts;

namespace Berth.Policy.Signatures;

/// <summary>
/// Advances the policy revision when a push may have signed something: a cosign accessory tag, or any manifest with a
/// <c>subject</c> (a referrer: a signature, or an attestation, which costs only a cache refresh). Ordinary image
/// pushes change no other artifact's verdict and leave cached decisions alone.
/// </summary>
public sealed class SignaturePushRevision(PolicyRevision revision, IRegistryMetadata metadata) : IArtifactPushObserver
{
    public async Task OnPushedAsync(ArtifactPush push, CancellationToken cancellationToken)
    {
        if (push.Tag is { } tag && AccessoryTags.IsAccessoryTag(tag))
        {
            revision.Advance();
            return;
        }
        var stored = await metadata.FindManifestAsync(push.Repository, push.Digest.ToString(), cancellationToken);
        if (stored is not null && SignatureJson.ParseObject(stored.Content) is { } document)
        {
            using (document)
            {
                if (document.RootElement.TryGetProperty("subject", out _)) revision.Advance();
            }
        }
    }
}
