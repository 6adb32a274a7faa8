using System.Net;

namespace Berth.IntegrationTests.Conformance;

/// <summary>
/// The "Manifest Upload" part of the push workflow: by tag and by digest, OCI 1.1 artifacts with
/// <c>artifactType</c> and <c>subject</c>, indexes and Docker manifest lists, and the errors for a
/// manifest whose content does not add up.
/// </summary>
public sealed partial class PushTests
{
    [Fact]
    public async Task GetManifest_BeforeAnyPush_Returns404()
    {
        var image = await _client.PushImageAsync(RepositoryNames.Unique("push"), "latest");

        using var response = await _client.SendAsync(HttpMethod.Get, $"v2/{image.Repository}/manifests/.INVALID_MANIFEST_NAME");

        await OciErrorBody.AssertAsync(response, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task PutManifest_ByTag_Returns201WithLocationAndDigest_ForEveryTag()
    {
        var repository = RepositoryNames.Unique("push");
        var config = ImageBuilder.RandomConfig();
        var layer = ImageBuilder.RandomLayer();
        var manifest = ImageBuilder.ImageManifest(config, [layer]);
        await _client.PushBlobsAsync(repository, config, layer);

        for (var i = 0; i < 4; i++)
        {
            using var response = await _client.PutManifestAsync(repository, $"test{i}", manifest);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal($"/v2/{repository}/manifests/{manifest.Digest}", response.Headers.Location?.OriginalString);
            Assert.Equal(manifest.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
        }
        Assert.Equal(["test0", "test1", "test2", "test3"], await _client.ListTagsAsync(repository));
        using var fetched = await _client.SendAsync(HttpMethod.Get, $"v2/{repository}/manifests/{manifest.Digest}", accept: OciMediaTypes.ImageManifest);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(manifest.Bytes, await fetched.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PutManifest_ByDigest_Returns201WithLocationAndDigest_AndNoTag()
    {
        var repository = RepositoryNames.Unique("push");
        var config = ImageBuilder.RandomConfig();
        var layer = ImageBuilder.RandomLayer();
        var manifest = ImageBuilder.ImageManifest(config, [layer]);
        await _client.PushBlobsAsync(repository, config, layer);

        using var response = await _client.PutManifestAsync(repository, manifest.Digest, manifest);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v2/{repository}/manifests/{manifest.Digest}", response.Headers.Location?.OriginalString);
        Assert.Equal(manifest.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
        using var fetched = await _client.SendAsync(HttpMethod.Get, $"v2/{repository}/manifests/{manifest.Digest}");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(manifest.Bytes, await fetched.Content.ReadAsByteArrayAsync());
        Assert.Empty(await _client.ListTagsAsync(repository));
    }

    [Fact]
    public async Task PutManifest_WithNoLayers_IsAccepted()
    {
        var repository = RepositoryNames.Unique("push");
        var config = ImageBuilder.RandomConfig();
        await _client.PushBlobsAsync(repository, config, ImageBuilder.EmptyJson);

        // The suite's "no layers" manifest has the empty JSON blob as its one layer; also try none at all.
        await _client.PushManifestAsync(repository, "empty-layer", ImageBuilder.ImageManifest(config, [ImageBuilder.EmptyJson]));
        await _client.PushManifestAsync(repository, "no-layers", ImageBuilder.ImageManifest(config, []));
    }

    [Fact]
    public async Task PutManifest_WithCustomConfigMediaTypeAsArtifactType_IsAccepted()
    {
        var repository = RepositoryNames.Unique("push");
        var config = OciContent.Of("NHL Peanut Butter on my NHL bagel"u8.ToArray(), "application/vnd.nhl.peanut.butter.bagel");
        var layer = ImageBuilder.RandomLayer();
        await _client.PushBlobsAsync(repository, config, layer);
        var manifest = ImageBuilder.ImageManifest(config, [layer]);

        using var response = await _client.PutManifestAsync(repository, manifest.Digest, manifest);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PutManifest_WithArtifactTypeAndEmptyConfig_IsAccepted()
    {
        var repository = RepositoryNames.Unique("push");
        var layer = OciContent.Of("NHL Peanut Butter on my NHL bagel"u8.ToArray(), "application/vnd.nhl.peanut.butter.bagel");
        await _client.PushBlobsAsync(repository, ImageBuilder.EmptyJson, layer);
        var manifest = ImageBuilder.ImageManifest(ImageBuilder.EmptyJson, [layer], artifactType: "application/vnd.nhl.peanut.butter.bagel");

        using var response = await _client.PutManifestAsync(repository, manifest.Digest, manifest);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PutManifest_ReferencingAMissingLayer_Returns400ManifestBlobUnknown_AndStoresNothing()
    {
        var repository = RepositoryNames.Unique("push");
        var config = ImageBuilder.RandomConfig();
        var missing = ImageBuilder.RandomLayer();
        await _client.PushBlobsAsync(repository, config);
        var manifest = ImageBuilder.ImageManifest(config, [missing]);

        using var response = await _client.PutManifestAsync(repository, "broken", manifest);

        var detail = await OciErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");
        Assert.Equal(missing.Digest, detail.GetProperty("digest").GetString());
        using var fetched = await _client.SendAsync(HttpMethod.Get, $"v2/{repository}/manifests/{manifest.Digest}");
        await OciErrorBody.AssertAsync(fetched, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        Assert.Empty(await _client.ListTagsAsync(repository));
    }

    [Fact]
    public async Task PutManifest_ByADigestThatIsNotItsOwn_Returns400DigestInvalid()
    {
        var repository = RepositoryNames.Unique("push");
        var config = ImageBuilder.RandomConfig();
        await _client.PushBlobsAsync(repository, config);
        var manifest = ImageBuilder.ImageManifest(config, []);

        using var response = await _client.PutManifestAsync(repository, DummyDigest, manifest);

        await OciErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Fact]
    public async Task PutManifest_ThatIsNotJson_Returns400ManifestInvalid()
    {
        var repository = RepositoryNames.Unique("push");
        var garbage = OciContent.Of("blablabla"u8.ToArray(), OciMediaTypes.ImageManifest);

        using var response = await _client.PutManifestAsync(repository, "garbage", garbage);

        await OciErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Fact]
    public async Task PutManifest_WithSubject_Returns201WithOciSubjectHeader_EvenWhenTheSubjectIsAbsent()
    {
        var repository = RepositoryNames.Unique("push");
        var subject = await _client.PushImageAsync(repository, "subject");
        var dangling = ImageBuilder.ImageManifest(ImageBuilder.RandomConfig(), []);
        var layer = ImageBuilder.RandomLayer(64, "application/vnd.nba.strawberry.jam.croissant");
        await _client.PushBlobsAsync(repository, ImageBuilder.EmptyJson, layer);

        foreach (var target in new[] { subject.Manifest, dangling })
        {
            var artifact = ImageBuilder.ImageManifest(ImageBuilder.EmptyJson, [layer], artifactType: layer.MediaType, subject: target);
            using var response = await _client.PutManifestAsync(repository, artifact.Digest, artifact);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(target.Digest, response.Headers.GetValues("OCI-Subject").Single());
        }
    }

    [Fact]
    public async Task PutManifest_WithoutSubject_HasNoOciSubjectHeader()
    {
        var repository = RepositoryNames.Unique("push");
        var config = ImageBuilder.RandomConfig();
        await _client.PushBlobsAsync(repository, config);

        using var response = await _client.PutManifestAsync(repository, "plain", ImageBuilder.ImageManifest(config, []));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("OCI-Subject"));
    }

    [Fact]
    public async Task PutIndex_WhoseChildrenArePresent_Returns201_AndServesItAsAnIndex()
    {
        var repository = RepositoryNames.Unique("push");
        var first = await _client.PushImageAsync(repository, tag: null);
        var second = await _client.PushImageAsync(repository, tag: null);
        var index = ImageBuilder.Index([first.Manifest, second.Manifest], artifactType: "application/vnd.food.stand",
            annotations: ImageBuilder.Annotation("org.opencontainers.conformance.test", "test index"));

        using var response = await _client.PutManifestAsync(repository, "multi", index);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(index.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
        using var fetched = await _client.SendAsync(HttpMethod.Get, $"v2/{repository}/manifests/multi", accept: OciMediaTypes.ImageIndex);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(OciMediaTypes.ImageIndex, fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(index.Bytes, await fetched.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PutNestedIndex_WhoseChildIndexIsPresent_Returns201()
    {
        var repository = RepositoryNames.Unique("push");
        var image = await _client.PushImageAsync(repository, tag: null);
        var inner = ImageBuilder.Index([image.Manifest]);
        await _client.PushManifestAsync(repository, inner.Digest, inner);
        var outer = ImageBuilder.Index([inner]);

        using var response = await _client.PutManifestAsync(repository, outer.Digest, outer);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PutDockerManifestList_WhoseChildrenArePresent_Returns201_AndServesItWithItsType()
    {
        var repository = RepositoryNames.Unique("push");
        var children = new List<OciContent>();
        for (var i = 0; i < 2; i++)
        {
            var config = ImageBuilder.RandomConfig(OciMediaTypes.DockerConfig);
            var layer = ImageBuilder.RandomLayer(mediaType: OciMediaTypes.DockerLayer);
            var manifest = ImageBuilder.ImageManifest(config, [layer], mediaType: OciMediaTypes.DockerManifest);
            await _client.PushBlobsAsync(repository, config, layer);
            await _client.PushManifestAsync(repository, manifest.Digest, manifest);
            children.Add(manifest);
        }
        var list = ImageBuilder.Index(children, mediaType: OciMediaTypes.DockerManifestList);

        using var response = await _client.PutManifestAsync(repository, "docker-list", list);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var fetched = await _client.SendAsync(
            HttpMethod.Get, $"v2/{repository}/manifests/docker-list", accept: $"{OciMediaTypes.DockerManifestList}, {OciMediaTypes.DockerManifest}");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(OciMediaTypes.DockerManifestList, fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(list.Bytes, await fetched.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(OciMediaTypes.ImageIndex)]
    [InlineData(OciMediaTypes.DockerManifestList)]
    public async Task PutIndex_WithAMissingChild_Returns400ManifestBlobUnknown(string mediaType)
    {
        var repository = RepositoryNames.Unique("push");
        var present = await _client.PushImageAsync(repository, tag: null);
        var absent = ImageBuilder.ImageManifest(ImageBuilder.RandomConfig(), []);
        var index = ImageBuilder.Index([present.Manifest, absent], mediaType: mediaType);

        using var response = await _client.PutManifestAsync(repository, "incomplete", index);

        var detail = await OciErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");
        Assert.Equal(absent.Digest, detail.GetProperty("digest").GetString());
        Assert.Empty(await _client.ListTagsAsync(repository));
    }
}
