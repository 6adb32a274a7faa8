using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Clients;

/// <summary>
/// CNCF Distribution as a pull-through cache in front of Berth: it must be able to fetch from Berth as
/// from any registry, and hand out exactly what Berth holds.
/// </summary>
public sealed class DistributionPeerTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("berth-it-distribution-peer-").FullName;

    [Fact]
    public async Task PullThroughCache_ServesAnImageThatLivesInBerth()
    {
        var images = await TestImages.LayoutAsync();
        var manifestDigest = images.ManifestDigest(TestImages.Node);
        var inBerth = $"docker://{fixture.Server.Host}/project/team/debian:node";
        await Skopeo.CopyAsync($"oci:{images.Directory}:{TestImages.Node}", inBerth);
        await using var distribution = await DistributionRegistry.StartPullThroughAsync(
            $"http://{fixture.Server.Host}", BerthServer.AdminUsername, fixture.Server.AdminPassword);
        var throughCache = $"docker://{distribution.Host}/project/team/debian:node";

        var copy = OciLayout.Create(Path.Combine(_work, "copy"));
        await Skopeo.CopyAsync(throughCache, $"oci:{copy.Directory}:node");

        Assert.Equal(await Skopeo.InspectRawAsync(inBerth), await Skopeo.InspectRawAsync(throughCache));
        Assert.Equal(manifestDigest, copy.ManifestDigest("node"));
        foreach (var digest in images.ContentDigests(manifestDigest))
            Assert.Equal(digest, await ContentDigest.OfFileAsync(copy.BlobPath(digest)));
        // Distribution started empty, so what it now caches it fetched from Berth. It stores a proxied blob
        // while streaming it to the client, so the last one may land a moment after skopeo finishes.
        foreach (var digest in (string[])[manifestDigest, .. images.ContentDigests(manifestDigest)])
        {
            var cached = distribution.CachedBlobPath(digest);
            await Poll.UntilAsync(() => File.Exists(cached), TimeSpan.FromSeconds(10), $"Distribution to cache {digest}");
            Assert.Equal(digest, await ContentDigest.OfFileAsync(cached));
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
