using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Cli;

/// <summary>
/// Builds OCI layouts the scan tests need from the real debian-minbase image: the same base with one more
/// layer on top, written here byte by byte (tar, gzip, config with the new diff id, manifest).
/// </summary>
public static class LayeredImage
{
    public const string GoBinaryPath = "usr/local/bin/gobinary";

    /// <summary>debian-minbase plus a layer holding the go1.15.2 test binary at <see cref="GoBinaryPath"/>.</summary>
    public static async Task<string> WithGoBinaryAsync(string directory, string tag)
    {
        var tar = await TarOfAsync(GoBinaryPath, SharedTestData.GoBinary);
        return await OnMinbaseAsync(directory, tag, Gzip(tar), ContentDigest.Of(tar));
    }

    /// <summary>
    /// debian-minbase plus a layer that claims to be gzip (magic and header are right) but whose deflate data is
    /// garbage, as a damaged download or a hostile push would leave it.
    /// </summary>
    public static Task<string> WithCorruptGzipLayerAsync(string directory, string tag)
    {
        byte[] header = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03];
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251 | 0x07)).ToArray();
        var diffId = ContentDigest.Of("the tar this layer should have held"u8);
        return OnMinbaseAsync(directory, tag, [.. header, .. garbage], diffId);
    }

    private static async Task<string> OnMinbaseAsync(string directory, string tag, byte[] layer, string diffId)
    {
        var source = await TestImages.LayoutAsync();
        var layout = OciLayout.Create(directory);
        var baseManifest = source.ManifestDigest(TestImages.Minbase);
        source.CopyImageTo(layout, baseManifest);

        var manifest = source.ReadJsonBlob(baseManifest);
        var config = source.ReadJsonBlob(manifest["config"]!["digest"]!.GetValue<string>());
        config["rootfs"]!["diff_ids"]!.AsArray().Add(diffId);
        config["history"]?.AsArray().Add(new JsonObject { ["created_by"] = "berth integration test: one more layer" });
        var configBytes = System.Text.Encoding.UTF8.GetBytes(config.ToJsonString());

        manifest["config"] = Descriptor("application/vnd.oci.image.config.v1+json", layout.WriteBlob(configBytes), configBytes.Length);
        manifest["layers"]!.AsArray().Add(Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layout.WriteBlob(layer), layer.Length));
        var manifestBytes = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
        layout.Tag(Descriptor("application/vnd.oci.image.manifest.v1+json", layout.WriteBlob(manifestBytes), manifestBytes.Length), tag);
        return directory;
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = digest,
        ["size"] = size,
    };

    /// <summary>A layer tar with the parent directories and one executable file, as a Dockerfile COPY makes it.</summary>
    private static async Task<byte[]> TarOfAsync(string pathInImage, string file)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            var parts = pathInImage.Split('/');
            for (var depth = 1; depth < parts.Length; depth++)
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, string.Join('/', parts[..depth]) + "/")
                {
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                        | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                });
            }
            await using var content = File.OpenRead(file);
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, pathInImage)
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                    | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                DataStream = content,
            });
        }
        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(content);
        return buffer.ToArray();
    }
}
