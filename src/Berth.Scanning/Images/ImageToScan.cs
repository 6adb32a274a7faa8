namespace Berth.Scanning.Images;

/// <summary>An image resolved to one platform: what a scan reads, wherever the image is stored.</summary>
/// <param name="Name">How the user named it (a reference, a path), for reports.</param>
/// <param name="ManifestDigest">The image manifest's digest when the source has one.</param>
/// <param name="ConfigDigest">The config blob's digest: the image id, as Docker shows it.</param>
public sealed record ImageToScan(
    string Name,
    string? ManifestDigest,
    string ConfigDigest,
    string? Os,
    string? Architecture,
    IReadOnlyList<LayerToScan> Layers);
