using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Berth.Scanning.Tests.Images;

/// <summary>
/// Writes a docker-archive (`docker save` format) of an image from the OCI test layout: manifest.json,
/// the config as `&lt;hex&gt;.json` and each layer decompressed as `&lt;hex&gt;/layer.tar`.
/// </summary>
internal static class DockerArchiveBuilder
{
    public static async Task WriteAsync(string layout, string tag, string archivePath, Func<List<string>, List<string>>? editLayers = null)
    {
        var index = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(layout, "index.json")));
        var manifestDigest = index.RootElement.GetProperty("manifests").EnumerateArray()
            .First(m => m.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString() == tag)
            .GetProperty("digest").GetString()!;
        var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Blob(layout, manifestDigest)));
        var configDigest = manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!;

        await using var output = File.Create(archivePath);
        await using var writer = new TarWriter(output, TarEntryFormat.Pax);
        var configName = Hex(configDigest) + ".json";
        await writer.WriteEntryAsync(Blob(layout, configDigest), configName);

        var layerNames = new List<string>();
        foreach (var layer in manifest.RootElement.GetProperty("layers").EnumerateArray())
        {
            var digest = layer.GetProperty("digest").GetString()!;
            var name = Hex(digest) + "/layer.tar";
            var scratch = Path.GetTempFileName();
            try
            {
                await using (var gzip = new GZipStream(File.OpenRead(Blob(layout, digest)), CompressionMode.Decompress))
                await using (var tar = File.Create(scratch))
                    await gzip.CopyToAsync(tar);
                await writer.WriteEntryAsync(scratch, name);
            }
            finally
            {
                File.Delete(scratch);
            }
            layerNames.Add(name);
        }

        var listed = editLayers?.Invoke(layerNames) ?? layerNames;
        var manifestJson = JsonSerializer.SerializeToUtf8Bytes(new[] { new { Config = configName, RepoTags = new[] { $"example.test/{tag}:latest" }, Layers = listed } });
        var entry = new PaxTarEntry(TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream(manifestJson) };
        await writer.WriteEntryAsync(entry);
    }

    private static string Hex(string digest) => digest["sha256:".Length..];

    private static string Blob(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", Hex(digest));
}
