using System.Text.Json;
using Berth.Core;
using Berth.Core.Manifests;

namespace Berth.Scanning.Images;

/// <summary>
/// An image in an OCI image layout directory (`oci-layout`, `index.json`, `blobs/&lt;alg&gt;/&lt;hex&gt;`),
/// as skopeo and umoci write them. A tag picks the index.json entry whose
/// `org.opencontainers.image.ref.name` annotation matches; without one the layout must hold one entry.
/// </summary>
public static class OciLayoutImage
{
    private const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    public static bool IsLayout(string path) =>
        Directory.Exists(path) && File.Exists(Path.Combine(path, "index.json")) && File.Exists(Path.Combine(path, "oci-layout"));

    public static async Task<ImageLoad> LoadAsync(string directory, string? tag, Platform? platform, CancellationToken cancellationToken)
    {
        var indexPath = Path.Combine(directory, "index.json");
        if (!File.Exists(indexPath)) return ImageLoad.Failed($"{directory} is not an OCI layout: index.json is missing");
        var entries = await ReadEntriesAsync(indexPath, cancellationToken);
        if (entries is null) return ImageLoad.Failed($"{indexPath} is not a valid OCI index");

        var chosen = tag is null
            ? entries.Count == 1 ? entries[0] : null
            : entries.FirstOrDefault(entry => entry.RefName == tag);
        if (chosen is null)
        {
            var names = string.Join(", ", entries.Select(entry => entry.RefName ?? entry.Digest.ToString()));
            return ImageLoad.Failed(tag is null
                ? $"{directory} holds {entries.Count} images ({names}); name one as {directory}:<tag>"
                : $"{directory} has no image tagged '{tag}' (it holds {names})");
        }

        var name = tag is null ? directory : $"{directory}:{tag}";
        return await ImageDocuments.ResolveAsync(
            name, chosen.Digest,
            (digest, max, token) => ReadBlobAsync(directory, digest, max, token),
            (digest, _) => Task.FromResult<Stream>(File.OpenRead(BlobPath(directory, digest))),
            platform, cancellationToken);
    }

    private static string BlobPath(string directory, Digest digest) =>
        Path.Combine(directory, "blobs", digest.Algorithm, digest.Encoded);

    private static async Task<byte[]?> ReadBlobAsync(string directory, Digest digest, int maxBytes, CancellationToken cancellationToken)
    {
        var file = new FileInfo(BlobPath(directory, digest));
        if (!file.Exists || file.Length > maxBytes) return null;
        return await File.ReadAllBytesAsync(file.FullName, cancellationToken);
    }

    private sealed record IndexEntry(Digest Digest, string? RefName);

    private static async Task<List<IndexEntry>?> ReadEntriesAsync(string indexPath, CancellationToken cancellationToken)
    {
        if (new FileInfo(indexPath).Length > ImageDocuments.MaxManifestBytes) return null;
        try
        {
            await using var stream = File.OpenRead(indexPath);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            if (!document.RootElement.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array) return null;
            var entries = new List<IndexEntry>();
            foreach (var manifest in manifests.EnumerateArray())
            {
                if (!manifest.TryGetProperty("digest", out var digestText) || !Digest.TryParse(digestText.GetString(), out var digest)) return null;
                string? refName = null;
                if (manifest.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object
                    && annotations.TryGetProperty(RefNameAnnotation, out var value) && value.ValueKind == JsonValueKind.String)
                    refName = value.GetString();
                entries.Add(new IndexEntry(digest, refName));
            }
            return entries;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
