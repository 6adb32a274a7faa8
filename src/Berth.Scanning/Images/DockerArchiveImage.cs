using System.Formats.Tar;
using System.Text.Json;

namespace Berth.Scanning.Images;

/// <summary>
/// An image saved with `docker save` / `podman save` (docker-archive): a tar holding `manifest.json`
/// (`[{Config, RepoTags, Layers}]`), the config and one tar per layer. Members are read in place.
/// </summary>
public static class DockerArchiveImage
{
    // Bounds reading the archive's index; a real archive has a few entries per layer.
    private const int MaxMembers = 100_000;

    public static async Task<ImageLoad> LoadAsync(string archivePath, string? repoTag, CancellationToken cancellationToken)
    {
        var members = await IndexAsync(archivePath, cancellationToken);
        if (members is null) return ImageLoad.Failed($"{archivePath} is not a readable tar archive");
        if (!members.TryGetValue("manifest.json", out var manifestMember))
            return ImageLoad.Failed($"{archivePath} has no manifest.json: it is not a docker-archive");

        var manifest = await ReadMemberAsync(archivePath, manifestMember, ImageDocuments.MaxManifestBytes, cancellationToken);
        var entry = manifest is null ? null : PickEntry(manifest, repoTag);
        if (entry is null) return ImageLoad.Failed($"{archivePath}: manifest.json does not name {(repoTag is null ? "exactly one image" : $"an image tagged {repoTag}")}");

        if (!members.TryGetValue(entry.Config, out var configMember))
            return ImageLoad.Failed($"{archivePath}: the config {entry.Config} named in manifest.json is missing");
        var configBytes = await ReadMemberAsync(archivePath, configMember, ImageConfig.MaxBytes, cancellationToken);
        var config = configBytes is null ? null : ImageConfig.Parse(configBytes, out _);
        if (config is null) return ImageLoad.Failed($"{archivePath}: {entry.Config} is not a valid image config");
        if (config.DiffIds.Count != entry.Layers.Count)
            return ImageLoad.Failed($"{archivePath}: manifest.json lists {entry.Layers.Count} layers but the config has {config.DiffIds.Count} diff ids");

        var layers = new List<LayerToScan>();
        for (var i = 0; i < entry.Layers.Count; i++)
        {
            if (!members.TryGetValue(entry.Layers[i], out var member))
                return ImageLoad.Failed($"{archivePath}: layer {entry.Layers[i]} named in manifest.json is missing");
            layers.Add(new LayerToScan(config.DiffIds[i], null, _ => Task.FromResult<Stream>(Open(archivePath, member))));
        }

        var configDigest = Berth.Core.Digest.Compute(configBytes!).ToString();
        return ImageLoad.Of(new ImageToScan(repoTag ?? archivePath, null, configDigest, config.Os, config.Architecture, layers));
    }

    private sealed record Member(long Offset, long Length);

    private sealed record ArchiveEntry(string Config, IReadOnlyList<string> Layers);

    private static async Task<Dictionary<string, Member>?> IndexAsync(string archivePath, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(archivePath);
            await using var reader = new TarReader(file);
            var members = new Dictionary<string, Member>(StringComparer.Ordinal);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (members.Count >= MaxMembers) return null;
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                    members[entry.Name.TrimStart('.', '/')] = new Member(entry.DataOffset, entry.Length);
            }
            return members;
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or EndOfStreamException)
        {
            return null;
        }
    }

    private static FileSliceStream Open(string archivePath, Member member) =>
        new(new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous), member.Offset, member.Length);

    private static async Task<byte[]?> ReadMemberAsync(string archivePath, Member member, int maxBytes, CancellationToken cancellationToken)
    {
        if (member.Length > maxBytes) return null;
        var bytes = new byte[member.Length];
        await using var stream = Open(archivePath, member);
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }

    private static ArchiveEntry? PickEntry(byte[] manifestJson, string? repoTag)
    {
        try
        {
            using var document = JsonDocument.Parse(manifestJson);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return null;
            var entries = new List<(ArchiveEntry Entry, List<string> Tags)>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("Config", out var config) || config.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("Layers", out var layers) || layers.ValueKind != JsonValueKind.Array) return null;
                var layerNames = layers.EnumerateArray().Select(layer => layer.GetString() ?? "").ToList();
                var tags = item.TryGetProperty("RepoTags", out var repoTags) && repoTags.ValueKind == JsonValueKind.Array
                    ? repoTags.EnumerateArray().Select(tag => tag.GetString() ?? "").ToList()
                    : [];
                entries.Add((new ArchiveEntry(config.GetString()!, layerNames), tags));
            }
            if (repoTag is null) return entries.Count == 1 ? entries[0].Entry : null;
            return entries.FirstOrDefault(entry => entry.Tags.Contains(repoTag)).Entry;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
