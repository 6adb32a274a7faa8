using Berth.Bench.Workload;
using Berth.Scanning.Images;

namespace Berth.Bench.Scanning;

/// <summary>
/// An image for the rematch part with a different inventory from the Debian ones: a base image's layers plus a layer
/// holding a real Go binary (its build info lists modules and the Go toolchain, matched against the Go vulndb).
/// The extra layer is a small plain tar kept in memory, so its diff id is its own digest.
/// </summary>
public static class GoBinaryImage
{
    public static async Task<ImageToScan> OnTopOfAsync(ImageToScan baseImage, string goBinaryPath, CancellationToken cancellationToken)
    {
        var tar = new MemoryStream();
        var writer = new UstarWriter(tar);
        await writer.WriteFileAsync("usr/local/bin/app", await File.ReadAllBytesAsync(goBinaryPath, cancellationToken), cancellationToken);
        await writer.FinishAsync(cancellationToken);
        var bytes = tar.ToArray();
        var diffId = ContentDigest.Sha256(bytes);
        var layer = new LayerToScan(diffId, diffId, _ => Task.FromResult<Stream>(new MemoryStream(bytes, writable: false)));
        return baseImage with
        {
            Name = "debian-minbase + Go binary",
            ManifestDigest = null,
            ConfigDigest = diffId,
            Layers = [.. baseImage.Layers, layer],
        };
    }
}
