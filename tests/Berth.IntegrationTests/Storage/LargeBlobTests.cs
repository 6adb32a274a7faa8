using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Berth.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Berth.IntegrationTests.Storage;

/// <summary>A 1 GiB layer goes up in one PUT and comes back intact: nothing on the way buffers it whole.</summary>
public sealed class LargeBlobTests(BerthServerFixture fixture, ITestOutputHelper output) : IClassFixture<BerthServerFixture>, IDisposable
{
    private const long Size = 1L << 30;
    private readonly string _work = Directory.CreateTempSubdirectory("berth-it-large-").FullName;

    [Fact]
    public async Task OneGibibyteMonolithicPut_IsStoredAndServedWithTheSameDigest()
    {
        var file = Path.Combine(_work, "layer.bin");
        var digest = await GenerateAsync(file);
        using var client = fixture.Server.CreateClient();
        var registry = new RegistryHttp(client);
        var location = await registry.StartUploadOrFailAsync("project/large");

        var stopwatch = Stopwatch.StartNew();
        await using (var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true))
        {
            var body = new StreamContent(source, 1 << 20);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Headers.ContentLength = Size;
            using var put = await client.PutAsync(RegistryHttp.WithDigest(location, digest), body);
            await RegistryHttp.EnsureStatusAsync(put, HttpStatusCode.Created);
            Assert.Equal(digest, put.Headers.GetValues("Docker-Content-Digest").Single());
        }
        var pushed = stopwatch.Elapsed;

        using var blob = await client.GetAsync($"v2/project/large/blobs/{digest}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, blob.StatusCode);
        Assert.Equal(Size, blob.Content.Headers.ContentLength);
        Assert.Equal(digest, blob.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(digest, await ContentDigest.OfStreamAsync(await blob.Content.ReadAsStreamAsync()));
        var stored = new FileInfo(Path.Combine(fixture.Server.DataDirectory, "blobs", "sha256", ContentDigest.Hex(digest)[..2], ContentDigest.Hex(digest)));
        Assert.Equal(Size, stored.Length);
        output.WriteLine($"1 GiB: pushed in {pushed.TotalSeconds:F1} s, pushed and pulled in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Writes 1 GiB of varied bytes, hashing them on the way out so the file is read only by the upload.</summary>
    private static async Task<string> GenerateAsync(string path)
    {
        var block = TestContent.Random(1 << 20, seed: 3);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
        for (long offset = 0; offset < Size; offset += block.Length)
        {
            // Every block differs from the others, so a server that mixed up blocks would change the digest.
            BitConverter.TryWriteBytes(block, offset);
            hash.AppendData(block);
            await file.WriteAsync(block);
        }
        return ContentDigest.Format(hash.GetHashAndReset());
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
