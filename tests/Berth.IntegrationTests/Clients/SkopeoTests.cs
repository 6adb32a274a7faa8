using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Clients;

/// <summary>skopeo pushes real Debian images into Berth and pulls them back out, bit for bit.</summary>
public sealed class SkopeoTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("berth-it-skopeo-").FullName;

    [Theory]
    [InlineData(TestImages.Minbase, "minbase")]
    [InlineData(TestImages.Node, "node")]
    public async Task Copy_IntoBerthAndBackOut_KeepsManifestAndEveryBlob(string sourceTag, string tag)
    {
        var original = await TestImages.LayoutAsync();
        var manifestDigest = original.ManifestDigest(sourceTag);
        var reference = $"docker://{fixture.Server.Host}/project/team/debian:{tag}";

        await Skopeo.CopyAsync($"oci:{original.Directory}:{sourceTag}", reference);

        // What Berth serves must be the manifest skopeo read from the layout, byte for byte.
        var served = await Skopeo.InspectRawAsync(reference);
        Assert.Equal(manifestDigest, ContentDigest.Of(System.Text.Encoding.UTF8.GetBytes(served)));

        var copy = OciLayout.Create(Path.Combine(_work, "copy"));
        await Skopeo.CopyAsync(reference, $"oci:{copy.Directory}:{tag}");

        Assert.Equal(manifestDigest, copy.ManifestDigest(tag));
        Assert.Equal(manifestDigest, await ContentDigest.OfFileAsync(copy.BlobPath(manifestDigest)));
        var blobs = original.ContentDigests(manifestDigest);
        Assert.Equal(sourceTag == TestImages.Node ? 4 : 2, blobs.Count);
        foreach (var digest in blobs)
        {
            // Hash both files rather than trusting names: a copy that only looks right would fail here.
            Assert.Equal(await ContentDigest.OfFileAsync(original.BlobPath(digest)), await ContentDigest.OfFileAsync(copy.BlobPath(digest)));
            Assert.Equal(digest, await ContentDigest.OfFileAsync(copy.BlobPath(digest)));
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
