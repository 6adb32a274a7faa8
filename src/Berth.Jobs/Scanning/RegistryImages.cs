using Berth.Core;
using Berth.Metadata;
using Berth.Scanning.Images;
using Berth.Storage;

namespace Berth.Jobs.Scanning;

/// <summary>
/// Reads an image to scan out of the registry itself: manifests from the metadata database, configs and layers
/// from the blob store. Documents are read up to a bound (a blob larger than it is refused, not loaded); layers
/// stay streams.
/// </summary>
public sealed class RegistryImages(IRegistryMetadata registry, IBlobStore blobs)
{
    public Task<ImageLoad> LoadAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        if (!Digest.TryParse(digest, out var manifestDigest)) return Task.FromResult(ImageLoad.Failed($"'{digest}' is not a digest"));
        return ImageDocuments.ResolveAsync(
            $"{repository}@{digest}",
            manifestDigest,
            (document, limit, token) => ReadDocumentAsync(repository, document, limit, token),
            OpenLayerAsync,
            null,
            cancellationToken);
    }

    private async Task<byte[]?> ReadDocumentAsync(string repository, Digest digest, int limit, CancellationToken cancellationToken)
    {
        if (await registry.FindManifestAsync(repository, digest.ToString(), cancellationToken) is { } manifest)
            return manifest.Content.Length <= limit ? manifest.Content : null;
        if (await blobs.GetSizeAsync(digest, cancellationToken) is not { } size || size > limit) return null;
        await using var stream = await blobs.OpenReadAsync(digest, cancellationToken);
        if (stream is null) return null;
        var bytes = new byte[size];
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }

    private async Task<Stream> OpenLayerAsync(Digest digest, CancellationToken cancellationToken) =>
        await blobs.OpenReadAsync(digest, cancellationToken)
        ?? throw new FileNotFoundException($"layer {digest} is not in the blob store");
}
