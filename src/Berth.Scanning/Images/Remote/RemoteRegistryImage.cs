namespace Berth.Scanning.Images.Remote;

/// <summary>
/// Reads an image to scan from another registry over its <c>/v2</c> API: the manifest by digest (an index picks
/// linux/amd64), the config, and the layers as HTTP response streams, which the layer walker consumes as they
/// arrive. Manifests and configs are read up to <see cref="ImageDocuments"/>' bounds and checked against their
/// digests; no blob is held in memory whole.
/// </summary>
public sealed class RemoteRegistryImage(HttpClient http)
{
    public async Task<ImageLoad> LoadAsync(RemoteImageReference reference, CancellationToken cancellationToken)
    {
        var session = new RemoteRegistrySession(http, reference);
        var load = await ImageDocuments.ResolveAsync(
            $"{reference.Registry.Authority}/{reference.Repository}@{reference.Digest}",
            reference.Digest,
            session.ReadDocumentAsync,
            session.OpenBlobAsync,
            null,
            cancellationToken);
        // The registry's own answer (401, 404, a digest mismatch) says more than "missing".
        return load.Image is null && session.LastError is { } error ? ImageLoad.Failed(error) : load;
    }
}
