using Berth.Core;
using Berth.Core.Manifests;
using Berth.Metadata;
using Berth.Metadata.Sqlite;
using Berth.Scanning.Images;
using Berth.Scanning.Reports.Formats;
using Berth.Storage;
using Berth.Storage.FileSystem;

namespace Berth.Commands.Scan;

/// <summary>
/// An image pushed to the Berth registry, read straight from its data directory as <c>berth serve</c> stores
/// it: the tag resolved in the metadata database, manifests from their rows, config and layers from the
/// filesystem blob store. Read-only; the server may be running or not.
/// </summary>
internal static class RegistryImage
{
    /// <returns>The image, and what a Harbor report says of the artifact (repository, tag, manifest media type).</returns>
    public static async Task<(ImageLoad Load, HarborReportContext? Context)> LoadAsync(
        SqliteDatabase database, string dataDirectory, string repository, string reference, Platform? platform, CancellationToken cancellationToken)
    {
        IRegistryMetadata metadata = new SqliteRegistryMetadata(database);
        IBlobStore blobs = new FileSystemBlobStore(new BlobPaths(Path.Combine(dataDirectory, "blobs")));
        var separator = Digest.TryParse(reference, out _) ? "@" : ":";
        var name = $"{repository}{separator}{reference}";

        var top = await metadata.FindManifestAsync(repository, reference, cancellationToken);
        if (top is null) return (ImageLoad.Failed($"{name} is not in the registry at {dataDirectory}"), null);
        var context = new HarborReportContext(repository, separator == ":" ? reference : null, top.MediaType, top.Digest.ToString());

        var load = await ImageDocuments.ResolveAsync(
            name, top.Digest,
            async (digest, maxBytes, token) =>
                await metadata.FindManifestAsync(repository, digest.ToString(), token) is { } manifest
                    ? manifest.Content.Length <= maxBytes ? manifest.Content : null
                    : await ReadBlobAsync(blobs, digest, maxBytes, token),
            async (digest, token) => await blobs.OpenReadAsync(digest, token)
                ?? throw new FileNotFoundException($"blob {digest} of {name} is missing from {dataDirectory}"),
            platform, cancellationToken);
        return (load, context);
    }

    /// <summary>A small blob (the config) in memory; null when missing or larger than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadBlobAsync(IBlobStore blobs, Digest digest, int maxBytes, CancellationToken cancellationToken)
    {
        if (await blobs.GetSizeAsync(digest, cancellationToken) is not { } size || size > maxBytes) return null;
        await using var stream = await blobs.OpenReadAsync(digest, cancellationToken);
        if (stream is null) return null;
        var bytes = new byte[size];
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }
}
