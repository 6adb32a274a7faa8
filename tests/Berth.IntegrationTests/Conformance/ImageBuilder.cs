using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berth.IntegrationTests.Conformance;

/// <summary>
/// Builds the content the conformance workflows push: configs and layers that are unique per call (so
/// tests sharing a server never collide on a digest), image manifests, OCI indexes and Docker manifest
/// lists, with the OCI 1.1 <c>artifactType</c>, <c>subject</c> and <c>annotations</c> fields on request.
/// </summary>
public static class ImageBuilder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly string[] Architectures = ["amd64", "arm64", "ppc64le", "s390x", "riscv64"];

    /// <summary>The empty JSON blob <c>{}</c> that OCI 1.1 artifacts use as a placeholder config or layer.</summary>
    public static OciContent EmptyJson { get; } = OciContent.Of("{}"u8.ToArray(), OciMediaTypes.Empty);

    /// <summary>An image config whose random author makes its digest new to the registry.</summary>
    public static OciContent RandomConfig(string mediaType = OciMediaTypes.ImageConfig)
    {
        var config = new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["author"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray() },
        };
        return OciContent.Of(Serialize(config), mediaType);
    }

    /// <summary>Random bytes standing in for a layer: a registry stores layers without looking inside.</summary>
    public static OciContent RandomLayer(int size = 4096, string mediaType = OciMediaTypes.LayerGzip, string algorithm = "sha256") =>
        OciContent.Of(RandomNumberGenerator.GetBytes(size), mediaType, algorithm);

    /// <summary>An OCI image manifest (or, with <paramref name="mediaType"/>, a Docker schema 2 one).</summary>
    /// <param name="shape">Last-minute edits to the JSON, e.g. fields a registry must tolerate.</param>
    public static OciContent ImageManifest(
        OciContent config,
        IEnumerable<OciContent> layers,
        string? artifactType = null,
        OciContent? subject = null,
        IReadOnlyDictionary<string, string>? annotations = null,
        string mediaType = OciMediaTypes.ImageManifest,
        Action<JsonObject>? shape = null)
    {
        var manifest = new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = mediaType };
        if (artifactType is not null) manifest["artifactType"] = artifactType;
        manifest["config"] = config.Descriptor();
        manifest["layers"] = new JsonArray(layers.Select(layer => (JsonNode)layer.Descriptor()).ToArray());
        AddReferrerFields(manifest, subject, annotations);
        shape?.Invoke(manifest);
        return OciContent.Of(Serialize(manifest), mediaType);
    }

    /// <summary>An OCI image index (or a Docker manifest list) over <paramref name="manifests"/>, one platform each.</summary>
    public static OciContent Index(
        IEnumerable<OciContent> manifests,
        string? artifactType = null,
        OciContent? subject = null,
        IReadOnlyDictionary<string, string>? annotations = null,
        string mediaType = OciMediaTypes.ImageIndex)
    {
        var entries = new JsonArray();
        var position = 0;
        foreach (var child in manifests)
        {
            var entry = child.Descriptor();
            if (!IsIndex(child.MediaType))
            {
                entry["platform"] = new JsonObject { ["architecture"] = Architectures[position++ % Architectures.Length], ["os"] = "linux" };
            }
            entries.Add(entry);
        }
        var index = new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = mediaType };
        if (artifactType is not null) index["artifactType"] = artifactType;
        index["manifests"] = entries;
        AddReferrerFields(index, subject, annotations);
        return OciContent.Of(Serialize(index), mediaType);
    }

    /// <summary>A single annotation, the shape the referrers tests check for.</summary>
    public static IReadOnlyDictionary<string, string> Annotation(string key, string value) => new Dictionary<string, string> { [key] = value };

    private static void AddReferrerFields(JsonObject document, OciContent? subject, IReadOnlyDictionary<string, string>? annotations)
    {
        if (subject is not null) document["subject"] = subject.Descriptor();
        if (annotations is not null)
        {
            var values = new JsonObject();
            foreach (var (key, value) in annotations) values[key] = value;
            document["annotations"] = values;
        }
    }

    private static bool IsIndex(string mediaType) => mediaType is OciMediaTypes.ImageIndex or OciMediaTypes.DockerManifestList;

    private static byte[] Serialize(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Indented));
}
