using Berth.Core;
using Berth.Metadata.Artifacts;
using Berth.Metadata.Sqlite;

namespace Berth.Metadata.Tests.Sqlite;

/// <summary>Signatures and other referrers going with their subject when it is deleted.</summary>
public sealed partial class SqliteRegistryMetadataTests
{
    private const string BundleType = "application/vnd.dev.sigstore.bundle.v0.3+json";
    private const string NotationType = "application/vnd.cncf.notary.signature";

    [Fact]
    public async Task DeleteArtifactAsync_WithReferrers_DeletesThemRecursivelyAndTheirTags()
    {
        var image = await _db.PushImageAsync("app", "v1", "image");
        var signature = await _db.PushImageAsync("app", null, "cosign bundle", BundleType, TestManifests.Describe(image));
        var notation = await _db.PushImageAsync("app", "tagged-notation", "notation", NotationType, TestManifests.Describe(image));
        // A signature of the signature: goes too, because its subject goes.
        var nested = await _db.PushImageAsync("app", null, "countersignature", NotationType, TestManifests.Describe(signature));
        var unrelated = await _db.PushImageAsync("app", "keep", "unrelated");

        Assert.True(await Metadata.DeleteArtifactAsync("app", image.Digest, default));

        foreach (var gone in new[] { image, signature, notation, nested })
            Assert.Null(await Metadata.FindManifestAsync("app", gone.Digest.ToString(), default));
        Assert.NotNull(await Metadata.FindManifestAsync("app", unrelated.Digest.ToString(), default));
        Assert.Equal(["keep"], await Metadata.ListTagsAsync("app", null, null, default));
        Assert.Equal(1, await _db.CountAsync("artifact"));
    }

    [Fact]
    public async Task DeleteArtifactAsync_WithCosignTags_DeletesTheSigAttAndSbomArtifacts()
    {
        var image = await _db.PushImageAsync("app", "v1", "image");
        var sig = await _db.PushImageAsync("app", AccessoryTags.For(image.Digest, ".sig"), "sig");
        var att = await _db.PushImageAsync("app", AccessoryTags.For(image.Digest, ".att"), "att");
        var sbom = await _db.PushImageAsync("app", AccessoryTags.For(image.Digest, ".sbom"), "sbom");
        var other = await _db.PushImageAsync("app", "v2", "other image");
        var otherSig = await _db.PushImageAsync("app", AccessoryTags.For(other.Digest, ".sig"), "other sig");

        Assert.True(await Metadata.DeleteArtifactAsync("app", image.Digest, default));

        foreach (var gone in new[] { image, sig, att, sbom })
            Assert.Null(await Metadata.FindManifestAsync("app", gone.Digest.ToString(), default));
        Assert.Equal([AccessoryTags.For(other.Digest, ".sig"), "v2"], await Metadata.ListTagsAsync("app", null, null, default));
        Assert.NotNull(await Metadata.FindManifestAsync("app", otherSig.Digest.ToString(), default));
    }

    [Fact]
    public async Task DeleteArtifactAsync_CosignManifestSharedByAnotherTag_KeepsTheManifestAndDropsOnlyTheSubjectsTag()
    {
        // Two images with the same SBOM: cosign's tags for both point at one manifest.
        var image = await _db.PushImageAsync("app", "v1", "image");
        var other = await _db.PushImageAsync("app", "v2", "other image");
        var sbom = await _db.PushImageAsync("app", AccessoryTags.For(image.Digest, ".sbom"), "shared sbom");
        Assert.True((await Metadata.PutManifestAsync(sbom with { Tag = AccessoryTags.For(other.Digest, ".sbom") }, default)).Succeeded);

        Assert.True(await Metadata.DeleteArtifactAsync("app", image.Digest, default));

        Assert.Null(await Metadata.FindManifestAsync("app", AccessoryTags.For(image.Digest, ".sbom"), default));
        Assert.Equal(sbom.Digest, (await Metadata.FindManifestAsync("app", AccessoryTags.For(other.Digest, ".sbom"), default))!.Digest);
    }

    [Fact]
    public async Task DeleteArtifactAsync_ReferrerThatIsAChildOfASurvivingIndex_StaysSoTheIndexIsNotBroken()
    {
        var image = await _db.PushImageAsync("app", "v1", "image");
        var referrer = await _db.PushImageAsync("app", null, "attestation", BundleType, TestManifests.Describe(image));
        var index = TestManifests.Index("app", "bundle-index", [TestManifests.Describe(referrer)]);
        Assert.True((await Metadata.PutManifestAsync(index, default)).Succeeded);

        Assert.True(await Metadata.DeleteArtifactAsync("app", image.Digest, default));

        Assert.Null(await Metadata.FindManifestAsync("app", image.Digest.ToString(), default));
        Assert.NotNull(await Metadata.FindManifestAsync("app", referrer.Digest.ToString(), default));
        Assert.NotNull(await Metadata.FindManifestAsync("app", "bundle-index", default));
    }

    [Fact]
    public async Task DeleteArtifactAsync_ReferrersInAnotherRepository_AreNotTouched()
    {
        var image = await _db.PushImageAsync("app", "v1", "image");
        var copy = await _db.PushImageAsync("mirror", "v1", "image");
        var mirrorSignature = await _db.PushImageAsync("mirror", null, "notation", NotationType, TestManifests.Describe(copy));
        var mirrorSig = await _db.PushImageAsync("mirror", AccessoryTags.For(copy.Digest, ".sig"), "sig");
        Assert.Equal(image.Digest, copy.Digest);

        Assert.True(await Metadata.DeleteArtifactAsync("app", image.Digest, default));

        Assert.NotNull(await Metadata.FindManifestAsync("mirror", mirrorSignature.Digest.ToString(), default));
        Assert.NotNull(await Metadata.FindManifestAsync("mirror", mirrorSig.Digest.ToString(), default));
        Assert.NotNull(await Metadata.FindManifestAsync("mirror", "v1", default));
    }

    [Fact]
    public async Task DeleteArtifactAsync_TellsObserversEveryArtifactAndTagThatWent()
    {
        var observer = new RecordingObserver();
        var metadata = new SqliteRegistryMetadata(_db.Database, [observer]);
        var image = await _db.PushImageAsync("app", "v1", "image");
        var signature = await _db.PushImageAsync("app", null, "notation", NotationType, TestManifests.Describe(image));
        var sigTag = AccessoryTags.For(image.Digest, ".sig");
        var sig = await _db.PushImageAsync("app", sigTag, "sig");

        Assert.True(await metadata.DeleteArtifactAsync("app", image.Digest, default));
        Assert.True(await metadata.DeleteTagAsync("app", "v1-missing", default) is false);

        var removal = Assert.Single(observer.Removals);
        Assert.Equal("app", removal.Repository);
        Assert.Equal(new HashSet<Digest> { image.Digest, signature.Digest, sig.Digest }, removal.Artifacts.ToHashSet());
        Assert.Equal([sigTag], removal.Tags);
    }

    [Fact]
    public async Task DeleteTagAsync_TellsObserversTheTag()
    {
        var observer = new RecordingObserver();
        var metadata = new SqliteRegistryMetadata(_db.Database, [observer]);
        var image = await _db.PushImageAsync("app", "v1", "image");
        await _db.PushImageAsync("app", AccessoryTags.For(image.Digest, ".sig"), "sig");

        Assert.True(await metadata.DeleteTagAsync("app", AccessoryTags.For(image.Digest, ".sig"), default));

        var removal = Assert.Single(observer.Removals);
        Assert.Empty(removal.Artifacts);
        Assert.Equal([AccessoryTags.For(image.Digest, ".sig")], removal.Tags);
    }

    private sealed class RecordingObserver : IArtifactRemovalObserver
    {
        public List<ArtifactRemoval> Removals { get; } = [];

        public Task OnRemovedAsync(ArtifactRemoval removal, CancellationToken cancellationToken)
        {
            Removals.Add(removal);
            return Task.CompletedTask;
        }
    }
}
