using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Storage;

/// <summary>
/// Two clients pushing the same layer at the same moment (as parallel CI jobs do) both succeed, and the
/// content-addressed store ends up with one file.
/// </summary>
public sealed class ConcurrentPushTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>
{
    private const int BlobSize = 20 * 1024 * 1024;

    [Theory]
    [InlineData("project/same", "project/same", 10)]
    [InlineData("project/first", "project/second", 11)]
    public async Task MonolithicPushes_AtTheSameTime_BothSucceed(string firstRepository, string secondRepository, int seed)
    {
        var content = TestContent.Random(BlobSize, seed);
        using var firstClient = fixture.Server.CreateClient();
        using var secondClient = fixture.Server.CreateClient();

        var responses = await Task.WhenAll(
            new RegistryHttp(firstClient).PushBlobAsync(firstRepository, content),
            new RegistryHttp(secondClient).PushBlobAsync(secondRepository, content));

        await AssertStoredOnceAsync(responses, content, firstRepository, secondRepository);
    }

    [Theory]
    [InlineData("project/chunked-same", "project/chunked-same", 12)]
    [InlineData("project/chunked-first", "project/chunked-second", 13)]
    public async Task ChunkedPushes_CompletedAtTheSameTime_BothSucceed(string firstRepository, string secondRepository, int seed)
    {
        var content = TestContent.Random(BlobSize, seed);
        var digest = ContentDigest.Of(content);
        using var firstClient = fixture.Server.CreateClient();
        using var secondClient = fixture.Server.CreateClient();
        var first = new RegistryHttp(firstClient);
        var second = new RegistryHttp(secondClient);
        var locations = await Task.WhenAll(first.StartUploadOrFailAsync(firstRepository), second.StartUploadOrFailAsync(secondRepository));

        var patches = await Task.WhenAll(first.PatchAsync(locations[0], content, start: 0), second.PatchAsync(locations[1], content, start: 0));
        foreach (var patch in patches)
        {
            await RegistryHttp.EnsureStatusAsync(patch, HttpStatusCode.Accepted);
            patch.Dispose();
        }
        // Both commits (verify, fsync, rename into the same blob path) race here.
        var responses = await Task.WhenAll(first.CompleteAsync(locations[0], digest), second.CompleteAsync(locations[1], digest));

        await AssertStoredOnceAsync(responses, content, firstRepository, secondRepository);
    }

    private async Task AssertStoredOnceAsync(HttpResponseMessage[] responses, byte[] content, string firstRepository, string secondRepository)
    {
        var digest = ContentDigest.Of(content);
        foreach (var response in responses)
        {
            await RegistryHttp.EnsureStatusAsync(response, HttpStatusCode.Created);
            Assert.Equal(digest, response.Headers.GetValues("Docker-Content-Digest").Single());
            response.Dispose();
        }

        var hex = ContentDigest.Hex(digest);
        var blobs = Path.Combine(fixture.Server.DataDirectory, "blobs");
        var files = Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Where(f => f.Contains(hex)).ToList();
        Assert.Equal([Path.Combine(blobs, "sha256", hex[..2], hex)], files);
        Assert.Equal(digest, await ContentDigest.OfFileAsync(files[0]));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(blobs, "_uploads")));

        using var client = fixture.Server.CreateClient();
        foreach (var repository in new[] { firstRepository, secondRepository })
        {
            using var blob = await client.GetAsync($"v2/{repository}/blobs/{digest}", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, blob.StatusCode);
            Assert.Equal(digest, await ContentDigest.OfStreamAsync(await blob.Content.ReadAsStreamAsync()));
        }
    }
}
