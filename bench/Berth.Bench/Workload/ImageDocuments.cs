using System.Buffers;
using System.Text.Json;

namespace Berth.Bench.Workload;

/// <summary>Builds the two small JSON documents of a single-layer OCI image: its config and its manifest.</summary>
public static class ImageDocuments
{
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";
    public const string ConfigMediaType = "application/vnd.oci.image.config.v1+json";
    public const string LayerMediaType = "application/vnd.oci.image.layer.v1.tar";

    /// <summary>
    /// A config naming the layer as its diff id; the layer is unique per push, so the config and the
    /// manifest are too.
    /// </summary>
    public static SmallBlob Config(string layerDigest) => new(Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("architecture", "amd64");
        writer.WriteString("os", "linux");
        writer.WriteStartObject("rootfs");
        writer.WriteString("type", "layers");
        writer.WriteStartArray("diff_ids");
        writer.WriteStringValue(layerDigest);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }));

    public static byte[] Manifest(IBlobSource config, IBlobSource layer) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", 2);
        writer.WriteString("mediaType", ManifestMediaType);
        writer.WritePropertyName("config");
        WriteDescriptor(writer, ConfigMediaType, config);
        writer.WriteStartArray("layers");
        WriteDescriptor(writer, LayerMediaType, layer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteDescriptor(Utf8JsonWriter writer, string mediaType, IBlobSource blob)
    {
        writer.WriteStartObject();
        writer.WriteString("mediaType", mediaType);
        writer.WriteString("digest", blob.Digest);
        writer.WriteNumber("size", blob.Length);
        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
