using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Storage;

/// <summary>An upload session is files on disk: a restart of the server in the middle of it loses nothing.</summary>
public sealed class ResumeAcrossRestartTests
{
    [Fact]
    public async Task ChunkedUpload_ResumedAfterRestart_CommitsTheWholeBlob()
    {
        await using var server = await BerthServer.StartAsync();
        var content = TestContent.Random(3 * 1024 * 1024 + 12345, seed: 1);
        var digest = ContentDigest.Of(content);
        var half = content.Length / 2;
        string location;
        using (var client = server.CreateClient())
        {
            var registry = new RegistryHttp(client);
            location = await registry.StartUploadOrFailAsync("project/resume");
            using var first = await registry.PatchAsync(location, content.AsMemory(0, half), start: 0);
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal($"0-{half - 1}", RegistryHttp.ReportedRange(first));
        }

        await server.StopAsync();
        Assert.Equal(0, server.ExitCode);
        await server.StartAgainAsync();

        using var again = server.CreateClient();
        var resumed = new RegistryHttp(again);
        using (var status = await resumed.UploadStatusAsync(location))
        {
            Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
            Assert.Equal($"0-{half - 1}", RegistryHttp.ReportedRange(status));
        }
        using (var second = await resumed.PatchAsync(location, content.AsMemory(half), start: half))
        {
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
            Assert.Equal($"0-{content.Length - 1}", RegistryHttp.ReportedRange(second));
        }
        using (var completed = await resumed.CompleteAsync(location, digest))
        {
            await RegistryHttp.EnsureStatusAsync(completed, HttpStatusCode.Created);
            Assert.Equal(digest, completed.Headers.GetValues("Docker-Content-Digest").Single());
        }

        using var blob = await again.GetAsync($"v2/project/resume/blobs/{digest}");
        Assert.Equal(HttpStatusCode.OK, blob.StatusCode);
        var served = await blob.Content.ReadAsByteArrayAsync();
        Assert.Equal(content.Length, served.Length);
        Assert.True(content.AsSpan().SequenceEqual(served), "the served blob differs from the uploaded bytes");
        Assert.Equal(digest, ContentDigest.Of(served));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(server.DataDirectory, "blobs", "_uploads")));
    }
}
