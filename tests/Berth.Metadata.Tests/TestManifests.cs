using System.Text;
using System.Text.Json.Nodes;
using Berth.Core;
using Berth.Core.Manifests;

namespace Berth.Metadata.Tests;

/// <summary>Real OCI manifests and indexes, serialized and run through <see cref="ManifestParser"/> as a push would.</summary>
internal static class TestManifests
{
    public const string ConfigType = "application/vnd.oci.image.config.v1+json";
    public const string LayerType = "application/vnd.oci.image.layer.v1.tar+gzip";

    public static ManifestUpload Image(
        string repository, string? tag, Descriptor config, IReadOnlyList<Descriptor> layers,
        string? artifactType = null, Descriptor? subject = null, string? note = null)
    {
        var json = new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = MediaTypes.OciManifest };
        if (artifactType is not null) json["artifactType"] = artifactType;
        json["config"] = ToJson(config);
        json["layers"] = new JsonArray(layers.Select(ToJson).ToArray());
        if (subject is not null) json["subject"] = ToJson(subject);
        if (note is not null) json["annotations"] = new JsonObject { ["org.example.note"] = note };
        return Upload(repository, tag, json);
    }

    public static ManifestUpload Index(string repository, string? tag, IReadOnlyList<Descriptor> children)
    {
        var json = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciIndex,
            ["manifests"] = new JsonArray(children.Select(ToJson).ToArray()),
        };
        return Upload(repository, tag, json);
    }

    /// <summary>The descriptor another manifest (an index, a referrer) uses to point at <paramref name="upload"/>.</summary>
    public static Descriptor Describe(ManifestUpload upload) => new(upload.Document.MediaType, upload.Digest, upload.Content.Length);

    private static ManifestUpload Upload(string repository, string? tag, JsonObject json)
    {
        var content = Encoding.UTF8.GetBytes(json.ToJsonString());
        var document = ManifestParser.Parse(content, null).Value;
        return new ManifestUpload(repository, Digest.Compute(content), content, document, tag);
    }

    private static JsonNode ToJson(Descriptor descriptor) => new JsonObject
    {
        ["mediaType"] = descriptor.MediaType,
        ["digest"] = descriptor.Digest.ToString(),
        ["size"] = descriptor.Size,
    };
}
