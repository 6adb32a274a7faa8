using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Storage;

/// <summary>Sessions a client abandoned are swept away with their data once idle past the expiry.</summary>
public sealed class UploadExpiryTests
{
    [Fact]
    public async Task AbandonedSession_IsRemovedAfterTheExpiry()
    {
        await using var server = await BerthServer.StartAsync(new Dictionary<string, string>
        {
            ["BERTH__Registry__UploadExpiry"] = "00:00:01",
            ["BERTH__Registry__UploadSweepInterval"] = "00:00:01",
        });
        using var client = server.CreateClient();
        var registry = new RegistryHttp(client);
        var location = await registry.StartUploadOrFailAsync("project/abandoned");
        using (var patched = await registry.PatchAsync(location, TestContent.Random(4096, seed: 2), start: 0))
            Assert.Equal(HttpStatusCode.Accepted, patched.StatusCode);
        var sessionDirectory = Path.Combine(server.DataDirectory, "blobs", "_uploads", location.Split('/')[^1]);
        Assert.True(File.Exists(Path.Combine(sessionDirectory, "data")), $"no session data at {sessionDirectory}");

        await Poll.UntilAsync(() => !Directory.Exists(sessionDirectory), TimeSpan.FromSeconds(20), $"the sweeper to remove {sessionDirectory}");

        using var status = await registry.UploadStatusAsync(location);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal("BLOB_UPLOAD_UNKNOWN", (await OciErrorReply.ReadAsync(status)).Code);
    }
}
