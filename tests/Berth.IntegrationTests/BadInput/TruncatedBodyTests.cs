using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.BadInput;

/// <summary>
/// A client that dies in the middle of a body (Content-Length promised more than arrived) leaves no blob
/// and no change to its session, and the server goes on serving.
/// </summary>
public sealed class TruncatedBodyTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private const int Declared = 4 * 1024 * 1024;
    // More than the server's 1 MiB copy block, so part of the body provably reaches the session file.
    private const int Sent = 3 * 1024 * 1024 / 2;
    private const int FirstChunk = 1000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly HttpClient _client = fixture.Server.CreateClient();

    [Fact]
    public async Task MonolithicPost_BrokenOff_LeavesNothing()
    {
        var content = TestContent.Random(Declared, seed: 70);
        var digest = ContentDigest.Of(content);
        var before = await SnapshotAsync();

        await using (await AbandonedRequest.SendAsync(
            fixture.Server.Port, "POST", $"/v2/project/truncated/blobs/uploads/?digest={digest}", Declared, content[..Sent], fixture.Server.AdminAuthorization))
        {
            await WaitForSessionBytesAsync(before, session: null, atLeast: 1 << 20);
        }

        await WaitUntilUnchangedAsync(before);
        await AssertStillServingAsync("project/truncated", content);
    }

    [Fact]
    public async Task ChunkPatch_BrokenOff_LeavesTheSessionAsItWas()
    {
        var content = TestContent.Random(FirstChunk + Declared, seed: 71);
        var registry = new RegistryHttp(_client);
        var location = await StartSessionAsync(registry, content);
        var before = await SnapshotAsync();

        await using (await AbandonedRequest.SendAsync(
            fixture.Server.Port, "PATCH", location, Declared, content[FirstChunk..(FirstChunk + Sent)], fixture.Server.AdminAuthorization,
            contentRange: $"{FirstChunk}-{FirstChunk + Declared - 1}"))
        {
            await WaitForSessionBytesAsync(before, session: location, atLeast: FirstChunk + (1 << 20));
        }

        await WaitUntilUnchangedAsync(before);
        await AssertSessionResumesAsync(registry, location, content);
    }

    [Fact]
    public async Task CompletingPut_BrokenOff_LeavesTheSessionAsItWasAndNoBlob()
    {
        var content = TestContent.Random(FirstChunk + Declared, seed: 72);
        var registry = new RegistryHttp(_client);
        var location = await StartSessionAsync(registry, content);
        var before = await SnapshotAsync();

        await using (await AbandonedRequest.SendAsync(
            fixture.Server.Port, "PUT", RegistryHttp.WithDigest(location, ContentDigest.Of(content)), Declared, content[FirstChunk..(FirstChunk + Sent)], fixture.Server.AdminAuthorization))
        {
            await WaitForSessionBytesAsync(before, session: location, atLeast: FirstChunk + (1 << 20));
        }

        await WaitUntilUnchangedAsync(before);
        await AssertSessionResumesAsync(registry, location, content);
    }

    private static async Task<string> StartSessionAsync(RegistryHttp registry, byte[] content)
    {
        var location = await registry.StartUploadOrFailAsync("project/truncated");
        using var first = await registry.PatchAsync(location, content.AsMemory(0, FirstChunk), start: 0);
        await RegistryHttp.EnsureStatusAsync(first, HttpStatusCode.Accepted);
        return location;
    }

    /// <summary>
    /// Waits until the server has written part of the abandoned body to its session (the one at
    /// <paramref name="session"/>, or a new one), so the test is not over before the request began.
    /// </summary>
    private Task WaitForSessionBytesAsync(StorageSnapshot before, string? session, long atLeast)
    {
        var uploads = Path.Combine(fixture.Server.DataDirectory, "blobs", "_uploads");
        bool IsTheSession(string dataFile)
        {
            var id = Path.GetFileName(Path.GetDirectoryName(dataFile)!);
            return session is not null ? session.EndsWith("/" + id, StringComparison.Ordinal) : !before.Lines.Any(l => l.Contains(id));
        }
        return Poll.UntilAsync(
            () => Directory.Exists(uploads)
                && Directory.EnumerateFiles(uploads, "data", SearchOption.AllDirectories).Any(f => IsTheSession(f) && new FileInfo(f).Length >= atLeast),
            Patience, $"the server to write at least {atLeast} bytes of the abandoned body");
    }

    /// <summary>The server notices the broken body only when it reads on; then storage must be back as it was.</summary>
    private async Task WaitUntilUnchangedAsync(StorageSnapshot before)
    {
        StorageSnapshot? last = null;
        try
        {
            await Poll.UntilAsync(async () => (last = await SnapshotAsync()).Lines.SequenceEqual(before.Lines), Patience, "storage to return to its state before the broken request");
        }
        catch (TimeoutException)
        {
            Assert.Equal(before.Lines, last!.Lines);
            throw;
        }
    }

    private async Task AssertStillServingAsync(string repository, byte[] content)
    {
        using var baseResponse = await _client.GetAsync("v2/");
        Assert.Equal(HttpStatusCode.OK, baseResponse.StatusCode);
        // The same content pushed properly afterwards is accepted: the broken attempt left nothing in its way.
        var digest = await new RegistryHttp(_client).PushBlobOrFailAsync(repository, content);
        using var blob = await _client.GetAsync($"v2/{repository}/blobs/{digest}");
        Assert.Equal(digest, ContentDigest.Of(await blob.Content.ReadAsByteArrayAsync()));
    }

    private async Task AssertSessionResumesAsync(RegistryHttp registry, string location, byte[] content)
    {
        using (var status = await registry.UploadStatusAsync(location))
        {
            Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
            Assert.Equal($"0-{FirstChunk - 1}", RegistryHttp.ReportedRange(status));
        }
        using var completed = await registry.CompleteAsync(location, ContentDigest.Of(content), content[FirstChunk..]);
        await RegistryHttp.EnsureStatusAsync(completed, HttpStatusCode.Created);
    }

    private Task<StorageSnapshot> SnapshotAsync() => StorageSnapshot.TakeAsync(fixture.Server.DataDirectory);

    public void Dispose() => _client.Dispose();
}
