using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Scanning.ScanCalls;

namespace Berth.IntegrationTests.Scanning;

/// <summary>
/// Hostile layers pushed through the registry into an auto_scan project. The registry stores whatever bytes match
/// the digest; the scanner must fail that scan with its reason (or refuse the hostile entry) and keep serving.
/// </summary>
public sealed class HostileLayerTests : IAsyncLifetime
{
    private BerthServer _server = null!;

    public async Task InitializeAsync() => _server = await BerthServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CorruptGzipLayer_FailsItsScanWithTheReason_AndTheServerKeepsScanning()
    {
        await CreateProjectAsync(_server, "hostile", autoScan: true);
        using var client = _server.CreateClient();
        // A gzip header followed by bytes that are no deflate stream; the digest is the true one of these bytes.
        var corrupt = new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff }.Concat(Enumerable.Repeat((byte)0xff, 4096)).ToArray();
        await PushImageAsync(client, "hostile/corrupt", corrupt, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("unknown"))));

        var overview = await WaitForFinishAsync(client, "hostile", "corrupt", "v1");

        Assert.Equal("Error", overview["scan_status"]!.GetValue<string>());
        var log = await client.GetStringAsync(ArtifactPath("hostile", "corrupt", "v1") + $"/scan/{overview["report_id"]!.GetValue<string>()}/log");
        Assert.Contains("status: Error", log);
        Assert.Contains("corrupt", log, StringComparison.OrdinalIgnoreCase);
        await ApiCalls.ErrorMessageAsync(await client.GetAsync(ArtifactPath("hostile", "corrupt", "v1") + "/additions/sbom"), HttpStatusCode.NotFound);

        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task TarEntryClimbingOutOfTheRoot_IsRefused_AndNeverCountsAsAPackage()
    {
        await CreateProjectAsync(_server, "hostile", autoScan: true);
        using var client = _server.CreateClient();
        var tar = Tar(("../../var/lib/dpkg/status", "Package: escaped-package\nStatus: install ok installed\nVersion: 1.0\nArchitecture: amd64\n\n"),
            ("etc/hostname", "inside\n"));
        var diffId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar));
        await PushImageAsync(client, "hostile/climb", Gzip(tar), diffId);

        var overview = await WaitForFinishAsync(client, "hostile", "climb", "v1");

        Assert.Equal("Success", overview["scan_status"]!.GetValue<string>());
        var spdx = await client.GetStringAsync(ArtifactPath("hostile", "climb", "v1") + "/additions/sbom");
        Assert.Contains("SPDX-2.3", spdx);
        Assert.DoesNotContain("escaped-package", spdx);
        // Nothing was extracted: no file of that name appeared under the data directory (where the scan cache lives) or beside it.
        Assert.DoesNotContain(Directory.EnumerateFiles(_server.DataDirectory, "*", SearchOption.AllDirectories), path => Path.GetFileName(path) == "status");
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(_server.DataDirectory)!, "var", "lib", "dpkg")));

        await AssertStillServingAsync(client);
    }

    /// <summary>The server answers health and scans a normal image pushed after the hostile one.</summary>
    private async Task AssertStillServingAsync(HttpClient client)
    {
        var health = await ApiImage.GetJsonAsync(client, "api/v2.0/health");
        Assert.Equal("healthy", health["status"]!.GetValue<string>());
        await PushAsync(_server, TestImages.Minbase, "hostile/base", "v1");
        var normal = await WaitForSuccessAsync(client, "hostile", "base", "v1");
        Assert.Equal("Success", normal["scan_status"]!.GetValue<string>());
    }

    /// <summary>Pushes a one-layer image (layer bytes as given, config naming the diff id) as <c>{repository}:v1</c>.</summary>
    private static async Task PushImageAsync(HttpClient client, string repository, byte[] layer, string diffId)
    {
        var registry = new RegistryHttp(client);
        var layerDigest = await registry.PushBlobOrFailAsync(repository, layer);
        var config = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
        }.ToJsonString());
        var configDigest = await registry.PushBlobOrFailAsync(repository, config);
        using var put = await registry.PutManifestAsync(repository, "v1",
            TestManifests.Image((configDigest, config.Length), (layerDigest, layer.Length)), TestManifests.OciManifest);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }

    private static byte[] Tar(params (string Name, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
        }
        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return buffer.ToArray();
    }
}
