using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Clients;

/// <summary>
/// A multi-platform image index, written by the test from two real images, goes into Berth with
/// <c>skopeo copy --all</c>; each platform then comes back out as the image it names.
/// </summary>
public sealed class MultiArchTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("berth-it-multiarch-").FullName;

    [Fact]
    public async Task CopyAll_OfAnIndex_ServesEachPlatformsManifest()
    {
        var images = await TestImages.LayoutAsync();
        var amd64 = images.Entry(TestImages.Minbase);
        var arm64 = images.Entry(TestImages.Node);
        var source = OciLayout.Create(Path.Combine(_work, "source"));
        images.CopyImageTo(source, amd64["digest"]!.GetValue<string>());
        images.CopyImageTo(source, arm64["digest"]!.GetValue<string>());
        var index = BuildIndex((amd64, "amd64"), (arm64, "arm64"));
        var indexDigest = source.WriteBlob(index);
        source.Tag(new JsonObject { ["mediaType"] = TestManifests.OciIndex, ["digest"] = indexDigest, ["size"] = index.Length }, "multi");
        var reference = $"docker://{fixture.Server.Host}/project/team/multi:v1";

        await Skopeo.CopyAsync($"oci:{source.Directory}:multi", reference, copyOptions: ["--all"]);

        var served = await Skopeo.InspectRawAsync(reference);
        Assert.Equal(indexDigest, ContentDigest.Of(System.Text.Encoding.UTF8.GetBytes(served)));
        foreach (var (entry, architecture) in new[] { (amd64, "amd64"), (arm64, "arm64") })
        {
            var pulled = OciLayout.Create(Path.Combine(_work, architecture));
            await Skopeo.CopyAsync(reference, $"oci:{pulled.Directory}:{architecture}",
                globalOptions: ["--override-os", "linux", "--override-arch", architecture]);

            var digest = entry["digest"]!.GetValue<string>();
            Assert.Equal(digest, pulled.ManifestDigest(architecture));
            foreach (var blob in (string[])[digest, .. images.ContentDigests(digest)])
                Assert.Equal(blob, await ContentDigest.OfFileAsync(pulled.BlobPath(blob)));
        }
    }

    private static byte[] BuildIndex(params (JsonObject Entry, string Architecture)[] platforms)
    {
        var manifests = new JsonArray();
        foreach (var (entry, architecture) in platforms)
        {
            manifests.Add(new JsonObject
            {
                ["mediaType"] = entry["mediaType"]!.GetValue<string>(),
                ["digest"] = entry["digest"]!.GetValue<string>(),
                ["size"] = entry["size"]!.GetValue<long>(),
                ["platform"] = new JsonObject { ["architecture"] = architecture, ["os"] = "linux" },
            });
        }
        var index = new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = TestManifests.OciIndex, ["manifests"] = manifests };
        return System.Text.Encoding.UTF8.GetBytes(index.ToJsonString());
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
