using System.Net;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Conformance;

/// <summary>
/// The distribution-spec conformance "Pull" workflow: a setup pushes two configs, a layer and two
/// manifests (one by tag, one by digest only), then blobs and manifests are fetched by HEAD and GET,
/// including what must be missing and the error body a bad reference gets.
/// </summary>
public sealed class PullTests(BerthServerFixture fixture) : IClassFixture<BerthServerFixture>, IDisposable
{
    /// <summary>The suite's "nonexistent manifest": not even a valid tag, so no manifest can have it.</summary>
    private const string NonexistentManifest = ".INVALID_MANIFEST_NAME";
    private const string Tag = "tagtest0";
    /// <summary>The suite's dummy digest, sha256("hello world"), which no test pushes.</summary>
    private static readonly string DummyDigest = OciContent.ComputeDigest("hello world"u8);

    private readonly OciClient _client = new(fixture.Server.CreateClient());

    public void Dispose() => _client.Http.Dispose();

    [Fact]
    public async Task Setup_PushesConfigsLayerAndManifests_AndTheTagIsListed()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        Assert.Equal([Tag], await _client.ListTagsAsync(setup.Repository));
    }

    [Fact]
    public async Task HeadBlob_Nonexistent_Returns404WithoutBody()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        using var response = await _client.SendAsync(HttpMethod.Head, $"v2/{setup.Repository}/blobs/{DummyDigest}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HeadBlob_Existing_Returns200WithDigestAndLength()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        using var response = await _client.SendAsync(HttpMethod.Head, $"v2/{setup.Repository}/blobs/{setup.Configs[0].Digest}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(setup.Configs[0].Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(setup.Configs[0].Size, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetBlob_Nonexistent_Returns404BlobUnknown()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/blobs/{DummyDigest}");

        var detail = await OciErrorBody.AssertAsync(response, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
        Assert.Equal(DummyDigest, detail.GetProperty("digest").GetString());
    }

    [Fact]
    public async Task GetBlob_Existing_Returns200WithTheBytes()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        foreach (var blob in new[] { setup.Configs[0], setup.Configs[1], setup.Layer })
        {
            using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/blobs/{blob.Digest}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(blob.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
            Assert.Equal(blob.Bytes, await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("bytes=0-0", 0, 1)]
    [InlineData("bytes=10-19", 10, 10)]
    [InlineData("bytes=4000-", 4000, 96)]
    [InlineData("bytes=-16", 4080, 16)]
    [InlineData("bytes=4090-99999", 4090, 6)]
    public async Task GetBlob_WithRange_Returns206WithThatSlice(string range, int start, int length)
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));
        Assert.Equal(4096, setup.Layer.Size);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{setup.Repository}/blobs/{setup.Layer.Digest}");
        request.Headers.TryAddWithoutValidation("Range", range);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {start}-{start + length - 1}/4096", response.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(setup.Layer.Bytes.AsSpan(start, length).ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetBlob_WithRangePastTheEnd_Returns416WithTheSize()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{setup.Repository}/blobs/{setup.Layer.Digest}");
        request.Headers.TryAddWithoutValidation("Range", "bytes=5000-");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */4096", response.Content.Headers.GetValues("Content-Range").Single());
        // No JSON error: the spec's closed list of codes has none for a download range.
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HeadManifest_Nonexistent_Returns404()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        using var response = await _client.SendAsync(HttpMethod.Head, $"v2/{setup.Repository}/manifests/{NonexistentManifest}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task HeadManifest_ByDigest_Returns200WithDigestAndLength(int which)
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));
        var manifest = setup.Manifests[which];

        using var response = await _client.SendAsync(
            HttpMethod.Head, $"v2/{setup.Repository}/manifests/{manifest.Digest}", accept: OciMediaTypes.ImageManifest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(manifest.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(manifest.Size, response.Content.Headers.ContentLength);
        Assert.Equal(OciMediaTypes.ImageManifest, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HeadManifest_ByTag_Returns200WithTheTaggedDigest()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        using var response = await _client.SendAsync(HttpMethod.Head, $"v2/{setup.Repository}/manifests/{Tag}", accept: OciMediaTypes.ImageManifest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(setup.Manifests[0].Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
    }

    [Fact]
    public async Task GetManifest_Nonexistent_Returns404ManifestUnknown()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        foreach (var reference in new[] { NonexistentManifest, "no-such-tag", DummyDigest })
        {
            using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/manifests/{reference}");
            await OciErrorBody.AssertAsync(response, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        }
    }

    [Fact]
    public async Task GetManifest_InUnknownRepository_Returns404NameUnknown()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{RepositoryNames.Unique("pull")}/manifests/{Tag}");

        await OciErrorBody.AssertAsync(response, HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task GetManifest_ByDigest_Returns200WithTheExactBytes(int which)
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));
        var manifest = setup.Manifests[which];

        using var response = await _client.SendAsync(
            HttpMethod.Get, $"v2/{setup.Repository}/manifests/{manifest.Digest}", accept: OciMediaTypes.ImageManifest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OciMediaTypes.ImageManifest, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(manifest.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(manifest.Bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetManifest_ByTag_Returns200WithTheTaggedManifest()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/manifests/{Tag}", accept: OciMediaTypes.ImageManifest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OciMediaTypes.ImageManifest, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(setup.Manifests[0].Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(setup.Manifests[0].Bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(OciMediaTypes.ImageManifest)]
    [InlineData(OciMediaTypes.DockerManifest + ", " + OciMediaTypes.ImageManifest)]
    [InlineData(OciMediaTypes.DockerManifestList + ";q=0.9, " + OciMediaTypes.ImageManifest + ";q=0.5")]
    [InlineData("*/*")]
    public async Task GetManifest_AcceptIncludingItsType_Returns200WithThatContentType(string accept)
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/manifests/{Tag}", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OciMediaTypes.ImageManifest, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetManifest_AcceptExcludingItsType_Returns404ManifestUnknown()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        using var response = await _client.SendAsync(
            HttpMethod.Get, $"v2/{setup.Repository}/manifests/{Tag}", accept: OciMediaTypes.DockerManifest);

        await OciErrorBody.AssertAsync(response, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task ErrorCodes_MalformedDigestReference_Returns400WithOciJson()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/manifests/sha256:totallywrong");

        await OciErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Fact]
    public async Task Teardown_DeletesManifestsThenBlobs_AndNothingIsLeftToPull()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull"));

        foreach (var manifest in setup.Manifests)
        {
            using var deleted = await _client.SendAsync(HttpMethod.Delete, $"v2/{setup.Repository}/manifests/{manifest.Digest}");
            Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
            using var gone = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/manifests/{manifest.Digest}");
            await OciErrorBody.AssertAsync(gone, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        }
        foreach (var blob in new[] { setup.Configs[0], setup.Configs[1], setup.Layer })
        {
            using var deleted = await _client.SendAsync(HttpMethod.Delete, $"v2/{setup.Repository}/blobs/{blob.Digest}");
            Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
            using var gone = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/blobs/{blob.Digest}");
            await OciErrorBody.AssertAsync(gone, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
        }
    }

    [Fact]
    public async Task DeepRepositoryName_PullsLikeAnyOther()
    {
        var setup = await PushSetupAsync(RepositoryNames.Unique("pull", "a/b/c/d/e"));

        using var manifest = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/manifests/{Tag}");
        using var layer = await _client.SendAsync(HttpMethod.Get, $"v2/{setup.Repository}/blobs/{setup.Layer.Digest}");

        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal(setup.Manifests[0].Bytes, await manifest.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, layer.StatusCode);
        Assert.Equal(setup.Layer.Bytes, await layer.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// The suite's pull setup: configs[0] and [1], one shared layer, manifest[0] pushed by tag and
    /// manifest[1] by digest. Like the suite, each config descriptor carries the config inline as
    /// <c>data</c> plus a field no spec defines, which a registry must store untouched.
    /// </summary>
    private async Task<PullSetup> PushSetupAsync(string repository)
    {
        OciContent[] configs = [ImageBuilder.RandomConfig(), ImageBuilder.RandomConfig()];
        var layer = ImageBuilder.RandomLayer();
        var manifests = configs.Select(config => ImageBuilder.ImageManifest(config, [layer], shape: manifest =>
        {
            var descriptor = manifest["config"]!.AsObject();
            descriptor["data"] = Convert.ToBase64String(config.Bytes);
            descriptor["newUnspecifiedField"] = Convert.ToBase64String("hello world"u8);
        })).ToArray();

        await _client.PushBlobsAsync(repository, configs[0], configs[1], layer);
        await _client.PushManifestAsync(repository, Tag, manifests[0]);
        await _client.PushManifestAsync(repository, manifests[1].Digest, manifests[1]);
        return new PullSetup(repository, configs, layer, manifests);
    }

    private sealed record PullSetup(string Repository, OciContent[] Configs, OciContent Layer, OciContent[] Manifests);
}
