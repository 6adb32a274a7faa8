using Berth.Core;
using Berth.Metadata;

namespace Berth.Policy.Admission;

/// <summary>
/// The images on Berth's own address, the only ones Berth can resolve and judge. The validating webhook, the
/// mutating webhook and the audit recognize and resolve them here, so the three agree on which images are Berth's
/// and on what a reference names.
/// </summary>
internal sealed class BerthImages(IRegistryMetadata registry, AdmissionSettings settings)
{
    private readonly string? _address = settings.RegistryAddress?.ToLowerInvariant();

    /// <summary>True when <paramref name="text"/> is a valid reference to an image on Berth's address.</summary>
    public bool TryRead(string text, out ImageReference image) =>
        ImageReference.TryParse(text, out image, out _) && _address is not null && image.Domain == _address;

    /// <summary>
    /// The manifest the reference names now: its digest when it has one (with tag and digest the runtime pulls the
    /// digest; where the tag points does not matter), else where its tag points. Null when Berth has none.
    /// </summary>
    public Task<StoredManifest?> FindAsync(ImageReference image, CancellationToken cancellationToken) =>
        registry.FindManifestAsync(image.Path, image.Digest ?? image.Tag!, cancellationToken);
}
