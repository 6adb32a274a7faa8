using System.Text.Json.Nodes;

namespace Berth.IntegrationTests.Infrastructure;

/// <summary>Small, valid image manifests for raw-push tests, built from blobs the test pushed.</summary>
public static class TestManifests
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar+gzip";

    /// <summary>An OCI image manifest naming the config and layers by digest and size.</summary>
    public static byte[] Image((string Digest, long Size) config, params (string Digest, long Size)[] layers)
    {
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = Descriptor(OciConfig, config),
            ["layers"] = new JsonArray(layers.Select(l => (JsonNode)Descriptor(OciLayer, l)).ToArray()),
        };
        return System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }

    /// <summary>A config blob that is valid JSON, made distinct by <paramref name="label"/>.</summary>
    public static byte[] Config(string label)
    {
        var config = new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Labels"] = new JsonObject { ["test"] = label } },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray() },
        };
        return System.Text.Encoding.UTF8.GetBytes(config.ToJsonString());
    }

    private static JsonObject Descriptor(string mediaType, (string Digest, long Size) blob) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = blob.Digest,
        ["size"] = blob.Size,
    };
}
