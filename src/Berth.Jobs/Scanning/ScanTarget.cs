using Berth.Core;
using Berth.Core.Manifests;
using Berth.Scanning.Images;

namespace Berth.Jobs.Scanning;

/// <summary>
/// What a stored artifact is to the scanner: an image (a manifest with an image config and filesystem layers), an
/// index whose images are scanned one by one, or something with no files to scan (a Helm chart, a signature, an
/// attestation, an empty artifact), with the reason.
/// </summary>
public sealed record ScanTarget(ScanTargetKind Kind, IReadOnlyList<Digest> Children, string? Reason)
{
    public static ScanTarget Of(string mediaType, byte[] content)
    {
        var parsed = ManifestParser.Parse(content, mediaType);
        if (!parsed.Succeeded) return Unsupported($"its manifest cannot be read: {parsed.Error!.Message}");
        var document = parsed.Value;
        if (document.IsIndex) return new ScanTarget(ScanTargetKind.Index, [.. document.Manifests.Select(m => m.Digest)], null);
        if (document.ArtifactType is { } artifactType) return Unsupported($"it is a {artifactType} artifact, not an image");
        var configType = document.Config?.MediaType;
        if (!MediaTypes.IsImageConfig(configType))
            return Unsupported($"its config is {configType ?? "missing"}, not an image config");
        if (document.Layers.Count == 0) return Unsupported("it has no layers");
        if (document.Layers.FirstOrDefault(layer => !LayerMediaTypes.IsFilesystemLayer(layer.MediaType)) is { } other)
            return Unsupported($"its layer {other.Digest} is {other.MediaType}, not a filesystem layer (a signature or attestation holds no files to scan)");
        return new ScanTarget(ScanTargetKind.Image, [], null);
    }

    private static ScanTarget Unsupported(string reason) => new(ScanTargetKind.Unsupported, [], reason);
}
