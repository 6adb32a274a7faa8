using System.Text.Json.Nodes;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// An OCI image layout on disk (<c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/…</c>), read and
/// written by the tests themselves so that what skopeo produced can be checked independently.
/// </summary>
public sealed class OciLayout
{
    private const string RefName = "org.opencontainers.image.ref.name";

    public string Directory { get; }

    private OciLayout(string directory) => Directory = directory;

    public static OciLayout Open(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "index.json")))
            throw new InvalidOperationException($"'{directory}' is not an OCI image layout: it has no index.json");
        return new OciLayout(directory);
    }

    /// <summary>Makes <paramref name="directory"/> an empty layout.</summary>
    public static OciLayout Create(string directory)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        File.WriteAllText(Path.Combine(directory, "index.json"), """{"schemaVersion":2,"manifests":[]}""");
        return new OciLayout(directory);
    }

    public string BlobPath(string digest) => Path.Combine(Directory, "blobs", "sha256", ContentDigest.Hex(digest));

    /// <summary>The descriptor <c>index.json</c> holds for <paramref name="tag"/>.</summary>
    public JsonObject Entry(string tag)
    {
        var entries = ReadIndex()["manifests"]!.AsArray().Select(e => e!.AsObject()).ToList();
        return entries.FirstOrDefault(e => e["annotations"]?[RefName]?.GetValue<string>() == tag)
            ?? throw new InvalidOperationException(
                $"{Directory} has no tag '{tag}'; it has: {string.Join(", ", entries.Select(e => e["annotations"]?[RefName]))}");
    }

    public string ManifestDigest(string tag) => Entry(tag)["digest"]!.GetValue<string>();

    public JsonObject ReadJsonBlob(string digest) => JsonNode.Parse(File.ReadAllBytes(BlobPath(digest)))!.AsObject();

    /// <summary>The config and layer digests of an image manifest, config first.</summary>
    public IReadOnlyList<string> ContentDigests(string manifestDigest)
    {
        var manifest = ReadJsonBlob(manifestDigest);
        return [manifest["config"]!["digest"]!.GetValue<string>(), .. LayerDigests(manifestDigest)];
    }

    public IReadOnlyList<string> LayerDigests(string manifestDigest) =>
        ReadJsonBlob(manifestDigest)["layers"]!.AsArray().Select(l => l!["digest"]!.GetValue<string>()).ToList();

    /// <summary>Copies an image manifest with its config and layers into <paramref name="target"/> (without tagging it).</summary>
    public void CopyImageTo(OciLayout target, string manifestDigest)
    {
        foreach (var digest in (string[])[manifestDigest, .. ContentDigests(manifestDigest)])
        {
            var destination = target.BlobPath(digest);
            if (!File.Exists(destination)) File.Copy(BlobPath(digest), destination);
        }
    }

    /// <summary>Stores <paramref name="content"/> as a blob and returns its digest.</summary>
    public string WriteBlob(byte[] content)
    {
        var digest = ContentDigest.Of(content);
        File.WriteAllBytes(BlobPath(digest), content);
        return digest;
    }

    /// <summary>Adds <paramref name="descriptor"/> to <c>index.json</c> under the name <paramref name="tag"/>.</summary>
    public void Tag(JsonObject descriptor, string tag)
    {
        var index = ReadIndex();
        var entry = descriptor.DeepClone().AsObject();
        entry["annotations"] = new JsonObject { [RefName] = tag };
        index["manifests"]!.AsArray().Add(entry);
        File.WriteAllText(Path.Combine(Directory, "index.json"), index.ToJsonString());
    }

    private JsonObject ReadIndex() => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "index.json")))!.AsObject();
}
