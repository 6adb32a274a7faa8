using System.Net;
using System.Text.Json;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Conformance;

/// <summary>
/// The distribution-spec conformance "Content Management" workflow: deleting a tag, a manifest and
/// blobs, and what each delete leaves behind — plus the 404s for things that are not there.
/// </summary>
public sealed class ContentManagementTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    private const string Tag = "tagtest0";
    private static readonly string DummyDigest = OciContent.ComputeDigest("hello world"u8);

    private readonly OciClient _client = new(fixture.Server.CreateClient());

    public void Dispose() => _client.Http.Dispose();

    [Fact]
    public async Task DeleteTag_Returns202_TheTagIsGone_TheManifestStaysByDigest()
    {
        var image = await _client.PushImageAsync(RepositoryNames.Unique("management"), Tag);
        await _client.PushManifestAsync(image.Repository, "keep", image.Manifest);
        var before = await _client.ListTagsAsync(image.Repository);

        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"v2/{image.Repository}/manifests/{Tag}");

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        using var byTag = await _client.SendAsync(HttpMethod.Get, $"v2/{image.Repository}/manifests/{Tag}");
        await OciErrorBody.AssertAsync(byTag, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        using var byDigest = await _client.SendAsync(HttpMethod.Get, $"v2/{image.Repository}/manifests/{image.Manifest.Digest}");
        Assert.Equal(HttpStatusCode.OK, byDigest.StatusCode);
        var after = await _client.ListTagsAsync(image.Repository);
        Assert.True(after.Count < before.Count);
        Assert.Equal(["keep"], after);
    }

    [Fact]
    public async Task DeleteManifestByDigest_Returns202_ThenItAndItsTagsAre404()
    {
        var image = await _client.PushImageAsync(RepositoryNames.Unique("management"), Tag);
        await _client.PushManifestAsync(image.Repository, "another", image.Manifest);

        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"v2/{image.Repository}/manifests/{image.Manifest.Digest}");

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        foreach (var reference in new[] { image.Manifest.Digest, Tag, "another" })
        {
            using var gone = await _client.SendAsync(HttpMethod.Get, $"v2/{image.Repository}/manifests/{reference}");
            await OciErrorBody.AssertAsync(gone, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        }
        Assert.Empty(await _client.ListTagsAsync(image.Repository));
        using var again = await _client.SendAsync(HttpMethod.Delete, $"v2/{image.Repository}/manifests/{image.Manifest.Digest}");
        await OciErrorBody.AssertAsync(again, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task DeleteBlobs_Return202_ThenTheBlobsAre404()
    {
        var image = await _client.PushImageAsync(RepositoryNames.Unique("management"), Tag);
        using (var manifest = await _client.SendAsync(HttpMethod.Delete, $"v2/{image.Repository}/manifests/{image.Manifest.Digest}"))
        {
            Assert.Equal(HttpStatusCode.Accepted, manifest.StatusCode);
        }

        foreach (var blob in new[] { image.Config, image.Layer })
        {
            using var deleted = await _client.SendAsync(HttpMethod.Delete, $"v2/{image.Repository}/blobs/{blob.Digest}");
            Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);

            using var get = await _client.SendAsync(HttpMethod.Get, $"v2/{image.Repository}/blobs/{blob.Digest}");
            await OciErrorBody.AssertAsync(get, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
            using var head = await _client.SendAsync(HttpMethod.Head, $"v2/{image.Repository}/blobs/{blob.Digest}");
            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        }
    }

    [Fact]
    public async Task DeleteBlob_InOneRepository_LeavesItInAnother()
    {
        var first = RepositoryNames.Unique("management");
        var second = RepositoryNames.Unique("management");
        var blob = ImageBuilder.RandomLayer(128);
        await _client.PushBlobsAsync(first, blob);
        using (var mounted = await _client.StartUploadAsync(second, $"?mount={blob.Digest}&from={first}"))
        {
            Assert.Equal(HttpStatusCode.Created, mounted.StatusCode);
        }

        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"v2/{first}/blobs/{blob.Digest}");

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        using var inFirst = await _client.SendAsync(HttpMethod.Get, $"v2/{first}/blobs/{blob.Digest}");
        Assert.Equal(HttpStatusCode.NotFound, inFirst.StatusCode);
        using var inSecond = await _client.SendAsync(HttpMethod.Get, $"v2/{second}/blobs/{blob.Digest}");
        Assert.Equal(HttpStatusCode.OK, inSecond.StatusCode);
        Assert.Equal(blob.Bytes, await inSecond.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DeleteOfWhatIsNotThere_Returns404WithTheMatchingCode()
    {
        var image = await _client.PushImageAsync(RepositoryNames.Unique("management"), Tag);

        using var manifest = await _client.SendAsync(HttpMethod.Delete, $"v2/{image.Repository}/manifests/{DummyDigest}");
        await OciErrorBody.AssertAsync(manifest, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        using var tag = await _client.SendAsync(HttpMethod.Delete, $"v2/{image.Repository}/manifests/no-such-tag");
        await OciErrorBody.AssertAsync(tag, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        using var blob = await _client.SendAsync(HttpMethod.Delete, $"v2/{image.Repository}/blobs/{DummyDigest}");
        await OciErrorBody.AssertAsync(blob, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
        using var repository = await _client.SendAsync(HttpMethod.Delete, $"v2/{RepositoryNames.Unique("management")}/manifests/{DummyDigest}");
        await OciErrorBody.AssertAsync(repository, HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    [Fact]
    public async Task DeleteWithAMalformedDigest_Returns400DigestInvalid()
    {
        var image = await _client.PushImageAsync(RepositoryNames.Unique("management"), Tag);

        using var manifest = await _client.SendAsync(HttpMethod.Delete, $"v2/{image.Repository}/manifests/sha256:nope");
        await OciErrorBody.AssertAsync(manifest, HttpStatusCode.BadRequest, "DIGEST_INVALID");
        using var blob = await _client.SendAsync(HttpMethod.Delete, $"v2/{image.Repository}/blobs/sha256:nope");
        await OciErrorBody.AssertAsync(blob, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Fact]
    public async Task DeleteReferrer_RemovesItFromTheReferrersList()
    {
        var subject = await _client.PushImageAsync(RepositoryNames.Unique("management"), Tag);
        await _client.PushBlobsAsync(subject.Repository, ImageBuilder.EmptyJson);
        var kept = ImageBuilder.ImageManifest(ImageBuilder.EmptyJson, [ImageBuilder.EmptyJson], artifactType: "application/vnd.example.kept", subject: subject.Manifest);
        var dropped = ImageBuilder.ImageManifest(ImageBuilder.EmptyJson, [ImageBuilder.EmptyJson], artifactType: "application/vnd.example.dropped", subject: subject.Manifest);
        await _client.PushManifestAsync(subject.Repository, kept.Digest, kept);
        await _client.PushManifestAsync(subject.Repository, dropped.Digest, dropped);

        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"v2/{subject.Repository}/manifests/{dropped.Digest}");

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        using var referrers = await _client.SendAsync(HttpMethod.Get, $"v2/{subject.Repository}/referrers/{subject.Manifest.Digest}");
        Assert.Equal(HttpStatusCode.OK, referrers.StatusCode);
        using var json = JsonDocument.Parse(await referrers.Content.ReadAsByteArrayAsync());
        var remaining = json.RootElement.GetProperty("manifests").EnumerateArray().Select(m => m.GetProperty("digest").GetString()).ToList();
        Assert.Equal([kept.Digest], remaining);
    }
}
