using Berth.Core;
using Berth.Core.Manifests;

namespace Berth.Scanning.Images;

/// <summary>
/// Walks from a manifest or index to one image, whatever stores the blobs: an index picks the wanted
/// platform (linux/amd64 unless told otherwise), a manifest gives the config and layers, the config
/// gives each layer's diff id.
/// </summary>
public static class ImageDocuments
{
    /// <summary>Manifests and indexes are capped at 4 MiB by the registry; the same bound applies here.</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    // An index may point at an index (skopeo copy --all into a layout); deeper nesting is not an image.
    private const int MaxIndexDepth = 3;

    public static async Task<ImageLoad> ResolveAsync(
        string name,
        Digest manifestDigest,
        Func<Digest, int, CancellationToken, Task<byte[]?>> readDocument,
        Func<Digest, CancellationToken, Task<Stream>> openBlob,
        Platform? platform,
        CancellationToken cancellationToken)
    {
        var wanted = platform ?? new Platform("linux", "amd64");
        var digest = manifestDigest;
        for (var depth = 0; depth < MaxIndexDepth; depth++)
        {
            var bytes = await readDocument(digest, MaxManifestBytes, cancellationToken);
            if (bytes is null) return ImageLoad.Failed($"manifest {digest} is missing or larger than {MaxManifestBytes} bytes");
            var parsed = ManifestParser.Parse(bytes, null);
            if (!parsed.Succeeded) return ImageLoad.Failed($"manifest {digest} is not valid: {parsed.Error!.Message}");
            var document = parsed.Value;
            if (document.IsIndex)
            {
                var entry = PickPlatform(document.Manifests, wanted);
                if (entry is null)
                    return ImageLoad.Failed($"index {digest} has no image for {wanted.Os}/{wanted.Architecture}");
                digest = entry.Digest;
                continue;
            }

            return await FromManifestAsync(name, digest, document, readDocument, openBlob, cancellationToken);
        }

        return ImageLoad.Failed($"indexes nest more than {MaxIndexDepth} deep under {manifestDigest}");
    }

    private static async Task<ImageLoad> FromManifestAsync(
        string name,
        Digest manifestDigest,
        ManifestDocument manifest,
        Func<Digest, int, CancellationToken, Task<byte[]?>> readDocument,
        Func<Digest, CancellationToken, Task<Stream>> openBlob,
        CancellationToken cancellationToken)
    {
        if (manifest.Config is null) return ImageLoad.Failed($"manifest {manifestDigest} has no config");
        var configBytes = await readDocument(manifest.Config.Digest, ImageConfig.MaxBytes, cancellationToken);
        if (configBytes is null)
            return ImageLoad.Failed($"config {manifest.Config.Digest} is missing or larger than {ImageConfig.MaxBytes} bytes");
        var config = ImageConfig.Parse(configBytes, out var configError);
        if (config is null) return ImageLoad.Failed($"config {manifest.Config.Digest}: {configError}");

        var layers = manifest.Layers.Where(layer => LayerMediaTypes.IsFilesystemLayer(layer.MediaType)).ToList();
        if (layers.Count != config.DiffIds.Count)
            return ImageLoad.Failed($"manifest {manifestDigest} has {layers.Count} layers but its config lists {config.DiffIds.Count} diff ids");

        var toScan = layers
            .Select((layer, index) => new LayerToScan(
                config.DiffIds[index],
                layer.Digest.ToString(),
                token => openBlob(layer.Digest, token)))
            .ToList();
        return ImageLoad.Of(new ImageToScan(name, manifestDigest.ToString(), manifest.Config.Digest.ToString(), config.Os, config.Architecture, toScan));
    }

    private static Descriptor? PickPlatform(IReadOnlyList<Descriptor> entries, Platform wanted) =>
        entries.FirstOrDefault(entry => entry.Platform is { } p
            && string.Equals(p.Os, wanted.Os, StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.Architecture, wanted.Architecture, StringComparison.OrdinalIgnoreCase)
            && (wanted.Variant is null || string.Equals(p.Variant, wanted.Variant, StringComparison.OrdinalIgnoreCase)))
        ?? (entries.Count == 1 ? entries[0] : null);
}
