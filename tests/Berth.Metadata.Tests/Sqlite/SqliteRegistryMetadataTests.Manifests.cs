using Berth.Core;
using Berth.Core.Errors;
using Berth.Core.Manifests;

namespace Berth.Metadata.Tests.Sqlite;

public sealed partial class SqliteRegistryMetadataTests
{
    [Fact]
    public async Task PutManifestAsync_ImageWithLinkedBlobs_StoresArtifactBlobsAndTag()
    {
        var config = await _db.LinkBlobAsync("app", "{}", TestManifests.ConfigType);
        var one = await _db.LinkBlobAsync("app", "layer one");
        var two = await _db.LinkBlobAsync("app", "layer two");
        var upload = TestManifests.Image("app", "latest", config, [one, two]);

        var stored = await Metadata.PutManifestAsync(upload, default);

        var artifact = stored.Value;
        Assert.Equal("app", artifact.Repository);
        Assert.Equal(upload.Digest, artifact.Digest);
        Assert.Equal(MediaTypes.OciManifest, artifact.MediaType);
        Assert.Equal(upload.Content.Length, artifact.Size);
        Assert.Equal(TestManifests.ConfigType, artifact.ArtifactType);
        Assert.Null(artifact.Subject);
        Assert.Equal(3, await _db.CountAsync("artifact_blob"));
        Assert.Equal(1, await _db.CountAsync("tag"));
        var found = await Metadata.FindManifestAsync("app", "latest", default);
        Assert.NotNull(found);
        Assert.Equal(upload.Digest, found.Digest);
        Assert.Equal(upload.Content, found.Content);
    }

    [Fact]
    public async Task PutManifestAsync_BlobsOfAnotherRepository_IsManifestBlobUnknownAndWritesNoRow()
    {
        var config = await _db.LinkBlobAsync("source", "{}", TestManifests.ConfigType);
        var layer = await _db.LinkBlobAsync("source", "layer");
        var before = await _db.CountRowsAsync();

        var stored = await Metadata.PutManifestAsync(TestManifests.Image("target", "latest", config, [layer]), default);

        Assert.Equal(OciErrorCode.ManifestBlobUnknown, stored.Error!.Code);
        Assert.Contains(config.Digest.ToString(), stored.Error.Message);
        Assert.Equal(before, await _db.CountRowsAsync());
        Assert.False(await Metadata.RepositoryExistsAsync("target", default));
    }

    [Fact]
    public async Task PutManifestAsync_OneLayerMissing_IsManifestBlobUnknownAndWritesNoRow()
    {
        var config = await _db.LinkBlobAsync("app", "{}", TestManifests.ConfigType);
        var present = await _db.LinkBlobAsync("app", "present");
        var missing = new Descriptor(TestManifests.LayerType, Digest.Compute("missing"u8), 7);
        var before = await _db.CountRowsAsync();

        var stored = await Metadata.PutManifestAsync(TestManifests.Image("app", "latest", config, [present, missing]), default);

        Assert.Equal(OciErrorCode.ManifestBlobUnknown, stored.Error!.Code);
        Assert.Contains(missing.Digest.ToString(), stored.Error.Message);
        Assert.Equal(before, await _db.CountRowsAsync());
        Assert.Null(await Metadata.FindManifestAsync("app", "latest", default));
    }

    [Fact]
    public async Task PutManifestAsync_BlobSizeDiffersFromTheLinkedBlob_IsManifestInvalidAndWritesNoRow()
    {
        var config = await _db.LinkBlobAsync("app", "{}", TestManifests.ConfigType);
        var layer = await _db.LinkBlobAsync("app", "layer");
        var before = await _db.CountRowsAsync();

        var stored = await Metadata.PutManifestAsync(TestManifests.Image("app", "latest", config, [layer with { Size = layer.Size + 1 }]), default);

        Assert.Equal(OciErrorCode.ManifestInvalid, stored.Error!.Code);
        Assert.Contains($"size of {layer.Size + 1} bytes, but it has {layer.Size}", stored.Error.Message);
        Assert.Equal(before, await _db.CountRowsAsync());
    }

    [Fact]
    public async Task PutManifestAsync_NonDistributableLayerNotPushed_IsAccepted()
    {
        var config = await _db.LinkBlobAsync("app", "{}", TestManifests.ConfigType);
        var foreign = new Descriptor(MediaTypes.DockerForeignLayer, Digest.Compute("windows base"u8), 12);

        var stored = await Metadata.PutManifestAsync(TestManifests.Image("app", null, config, [foreign]), default);

        Assert.True(stored.Succeeded, stored.Error?.Message);
        Assert.Equal(1, await _db.CountAsync("artifact_blob"));
    }

    [Fact]
    public async Task PutManifestAsync_IndexWithMissingChild_IsManifestBlobUnknownAndWritesNoRow()
    {
        var amd64 = await _db.PushImageAsync("app", null, "amd64");
        var arm64 = new Descriptor(MediaTypes.OciManifest, Digest.Compute("arm64 manifest, never pushed"u8), 528);
        var before = await _db.CountRowsAsync();

        var stored = await Metadata.PutManifestAsync(TestManifests.Index("app", "latest", [TestManifests.Describe(amd64), arm64]), default);

        Assert.Equal(OciErrorCode.ManifestBlobUnknown, stored.Error!.Code);
        Assert.Contains(arm64.Digest.ToString(), stored.Error.Message);
        Assert.Equal(before, await _db.CountRowsAsync());
    }

    [Fact]
    public async Task PutManifestAsync_IndexWithChildInAnotherRepository_IsManifestBlobUnknown()
    {
        var elsewhere = await _db.PushImageAsync("other", null, "amd64");
        await _db.PushImageAsync("app", null, "unrelated");

        var stored = await Metadata.PutManifestAsync(TestManifests.Index("app", "latest", [TestManifests.Describe(elsewhere)]), default);

        Assert.Equal(OciErrorCode.ManifestBlobUnknown, stored.Error!.Code);
    }

    [Fact]
    public async Task PutManifestAsync_IndexWithPushedChildren_RecordsThem()
    {
        var amd64 = await _db.PushImageAsync("app", null, "amd64");
        var arm64 = await _db.PushImageAsync("app", null, "arm64");
        var index = TestManifests.Index("app", "latest", [TestManifests.Describe(amd64), TestManifests.Describe(arm64)]);

        var stored = await Metadata.PutManifestAsync(index, default);

        Assert.Equal(MediaTypes.OciIndex, stored.Value.MediaType);
        Assert.Null(stored.Value.ArtifactType);
        Assert.Equal(2, await _db.CountAsync("artifact_child"));
        Assert.Equal(index.Digest, (await Metadata.FindManifestAsync("app", "latest", default))!.Digest);
    }

    [Fact]
    public async Task PutManifestAsync_ExistingTag_MovesTheTagAndKeepsTheOldArtifact()
    {
        var first = await _db.PushImageAsync("app", "latest", "first");

        var second = await _db.PushImageAsync("app", "latest", "second");

        Assert.Equal(second.Digest, (await Metadata.FindManifestAsync("app", "latest", default))!.Digest);
        Assert.Equal(first.Content, (await Metadata.FindManifestAsync("app", first.Digest.ToString(), default))!.Content);
        Assert.Equal(["latest"], await Metadata.ListTagsAsync("app", null, null, default));
        Assert.Equal(2, await _db.CountAsync("artifact"));
    }

    [Fact]
    public async Task PutManifestAsync_SameManifestTwice_KeepsOneArtifact()
    {
        var upload = await _db.PushImageAsync("app", "v1", "same");

        var again = await Metadata.PutManifestAsync(upload with { Tag = "v2" }, default);

        Assert.True(again.Succeeded);
        Assert.Equal(1, await _db.CountAsync("artifact"));
        Assert.Equal(["v1", "v2"], await Metadata.ListTagsAsync("app", null, null, default));
    }

    [Fact]
    public async Task FindManifestAsync_ByTagAndByDigest_GiveTheSameStoredManifest()
    {
        var upload = await _db.PushImageAsync("team/app", "v1", "image");

        var byTag = await Metadata.FindManifestAsync("team/app", "v1", default);
        var byDigest = await Metadata.FindManifestAsync("team/app", upload.Digest.ToString(), default);

        Assert.NotNull(byTag);
        Assert.NotNull(byDigest);
        Assert.Equal(upload.Digest, byTag.Digest);
        Assert.Equal(MediaTypes.OciManifest, byTag.MediaType);
        Assert.Equal(upload.Content, byTag.Content);
        Assert.Equal(byTag.Content, byDigest.Content);
        Assert.Equal(byTag.Digest, byDigest.Digest);
    }

    [Fact]
    public async Task FindManifestAsync_UnknownReferenceOrRepository_IsNull()
    {
        var upload = await _db.PushImageAsync("app", "v1", "image");

        Assert.Null(await Metadata.FindManifestAsync("app", "v2", default));
        Assert.Null(await Metadata.FindManifestAsync("app", Digest.Compute("nothing"u8).ToString(), default));
        Assert.Null(await Metadata.FindManifestAsync("other", "v1", default));
        Assert.Null(await Metadata.FindManifestAsync("other", upload.Digest.ToString(), default));
    }

    [Fact]
    public async Task DeleteArtifactAsync_TaggedArtifact_DeletesItAndEveryTag()
    {
        var upload = await _db.PushImageAsync("app", "v1", "image");
        await Metadata.PutManifestAsync(upload with { Tag = "latest" }, default);
        var kept = await _db.PushImageAsync("app", "other", "kept");
        var links = await _db.CountAsync("repository_blob");

        Assert.True(await Metadata.DeleteArtifactAsync("app", upload.Digest, default));

        Assert.Null(await Metadata.FindManifestAsync("app", "v1", default));
        Assert.Null(await Metadata.FindManifestAsync("app", "latest", default));
        Assert.Null(await Metadata.FindManifestAsync("app", upload.Digest.ToString(), default));
        Assert.Equal(["other"], await Metadata.ListTagsAsync("app", null, null, default));
        Assert.Equal(kept.Digest, (await Metadata.FindManifestAsync("app", "other", default))!.Digest);
        Assert.Equal(1, await _db.CountAsync("tag"));
        Assert.Equal(2, await _db.CountAsync("artifact_blob"));
        Assert.Equal(links, await _db.CountAsync("repository_blob"));
        Assert.False(await Metadata.DeleteArtifactAsync("app", upload.Digest, default));
    }

    [Fact]
    public async Task DeleteTagAsync_Tag_KeepsTheArtifact()
    {
        var upload = await _db.PushImageAsync("app", "v1", "image");

        Assert.True(await Metadata.DeleteTagAsync("app", "v1", default));

        Assert.Null(await Metadata.FindManifestAsync("app", "v1", default));
        Assert.Equal(upload.Content, (await Metadata.FindManifestAsync("app", upload.Digest.ToString(), default))!.Content);
        Assert.Empty(await Metadata.ListTagsAsync("app", null, null, default));
        Assert.False(await Metadata.DeleteTagAsync("app", "v1", default));
    }

    [Fact]
    public async Task DeleteTagAsync_TagOfAnotherRepository_IsFalseAndKeepsIt()
    {
        await _db.PushImageAsync("app", "v1", "image");
        await _db.PushImageAsync("other", null, "image");

        Assert.False(await Metadata.DeleteTagAsync("other", "v1", default));
        Assert.NotNull(await Metadata.FindManifestAsync("app", "v1", default));
    }
}
