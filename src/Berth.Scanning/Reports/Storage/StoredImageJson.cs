namespace Berth.Scanning.Reports.Storage;

/// <summary>The scanned image as a stored report names it.</summary>
internal sealed record StoredImageJson(
    string Name,
    string? ManifestDigest,
    string ConfigDigest,
    string? Os,
    string? Architecture,
    IReadOnlyList<StoredLayerJson> Layers);
