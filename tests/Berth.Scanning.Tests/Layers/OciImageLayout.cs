using System.Text.Json;

namespace Berth.Scanning.Tests.Layers;

/// <summary>Reads an OCI image layout on disk: index.json → tagged manifest → config diff ids and layer blobs.</summary>
public sealed class OciImageLayout(string root)
{
    public string Root { get; } = root;

    public async Task<IReadOnlyList<(string BlobPath, string DiffId)>> LayersAsync(string tag)
    {
        using var index = await ReadJsonAsync(Path.Combine(Root, "index.json"));
        var manifestDigest = index.RootElement.GetProperty("manifests").EnumerateArray()
            .Single(m => m.TryGetProperty("annotations", out var a) && a.TryGetProperty("org.opencontainers.image.ref.name", out var name) && name.GetString() == tag)
            .GetProperty("digest").GetString()!;
        using var manifest = await ReadJsonAsync(BlobPath(manifestDigest));
        using var config = await ReadJsonAsync(BlobPath(manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!));
        var diffIds = config.RootElement.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()!).ToList();
        var layers = manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => BlobPath(l.GetProperty("digest").GetString()!)).ToList();
        Assert.Equal(layers.Count, diffIds.Count);
        return [.. layers.Zip(diffIds)];
    }

    public string BlobPath(string digest)
    {
        var colon = digest.IndexOf(':');
        return Path.Combine(Root, "blobs", digest[..colon], digest[(colon + 1)..]);
    }

    private static async Task<JsonDocument> ReadJsonAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await JsonDocument.ParseAsync(file);
    }
}
