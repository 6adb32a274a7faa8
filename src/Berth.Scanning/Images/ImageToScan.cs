namespace Berth.Scanning.Images;

/// <summary>
/// An image resolved to one platform: what a scan reads, wherever the image is stored. A scanned directory is
/// represented too (<see cref="ForDirectory"/>): no digests and no layers, so every report format can show it.
/// </summary>
/// <param name="Name">How the user named it (a reference, a path), for reports.</param>
/// <param name="ManifestDigest">The image manifest's digest when the source has one.</param>
/// <param name="ConfigDigest">The config blob's digest: the image id, as Docker shows it; "" for a directory.</param>
public sealed record ImageToScan(
    string Name,
    string? ManifestDigest,
    string ConfigDigest,
    string? Os,
    string? Architecture,
    IReadOnlyList<LayerToScan> Layers)
{
    /// <summary>A directory scanned in place: not an image, so it has neither digest nor layers.</summary>
    public bool IsDirectory => ConfigDigest.Length == 0;

    public static ImageToScan ForDirectory(string path) => new(path, null, "", null, null, []);
}
