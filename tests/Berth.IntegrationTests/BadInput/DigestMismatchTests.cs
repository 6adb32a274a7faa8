using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.BadInput;

/// <summary>Content that does not hash to the digest the client named is refused and leaves nothing behind.</summary>
public sealed class DigestMismatchTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.Server.CreateClient();

    [Fact]
    public async Task MonolithicPush_WithAnotherBlobsDigest_IsRefused()
    {
        var registry = new RegistryHttp(_client);
        var before = await StorageSnapshot.TakeAsync(fixture.Server.DataDirectory);

        using var response = await registry.PushBlobAsync("project/digests", TestContent.Random(5000, seed: 20), ContentDigest.Of("other"u8));

        await OciAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
        Assert.Equal(before.Lines, (await StorageSnapshot.TakeAsync(fixture.Server.DataDirectory)).Lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChunkedUpload_CompletedWithAnotherBlobsDigest_IsRefusedAndDiscarded(bool lastChunkInPut)
    {
        var registry = new RegistryHttp(_client);
        var content = TestContent.Random(6000, seed: 21);
        var before = await StorageSnapshot.TakeAsync(fixture.Server.DataDirectory);

        var location = await registry.StartUploadOrFailAsync("project/digests");
        var patched = lastChunkInPut ? 4000 : content.Length;
        using (var patch = await registry.PatchAsync(location, content.AsMemory(0, patched), start: 0))
            await RegistryHttp.EnsureStatusAsync(patch, HttpStatusCode.Accepted);
        using var response = await registry.CompleteAsync(location, ContentDigest.Of("other"u8), lastChunkInPut ? content[patched..] : null);

        await OciAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
        Assert.Equal(before.Lines, (await StorageSnapshot.TakeAsync(fixture.Server.DataDirectory)).Lines);
        using var status = await registry.UploadStatusAsync(location);
        await OciAssert.ErrorAsync(status, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    public void Dispose() => _client.Dispose();
}
