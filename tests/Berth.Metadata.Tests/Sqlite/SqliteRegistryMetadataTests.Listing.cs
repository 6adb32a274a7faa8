using Berth.Core;
using Berth.Core.Manifests;

namespace Berth.Metadata.Tests.Sqlite;

public sealed partial class SqliteRegistryMetadataTests
{
    private async Task TagAsync(string repository, params string[] tags)
    {
        var upload = await _db.PushImageAsync(repository, null, $"{repository} image");
        foreach (var tag in tags) Assert.True((await Metadata.PutManifestAsync(upload with { Tag = tag }, default)).Succeeded);
    }

    [Fact]
    public async Task ListTagsAsync_AllTags_InLexicalOrder()
    {
        await TagAsync("app", "v2", "latest", "1.0", "beta", "V3");
        await TagAsync("other", "aaa");

        Assert.Equal(["1.0", "V3", "beta", "latest", "v2"], await Metadata.ListTagsAsync("app", null, null, default));
    }

    [Fact]
    public async Task ListTagsAsync_LimitAndLast_WalkThePages()
    {
        await TagAsync("app", "d", "b", "e", "a", "c");

        Assert.Equal(["a", "b"], await Metadata.ListTagsAsync("app", 2, null, default));
        Assert.Equal(["c", "d"], await Metadata.ListTagsAsync("app", 2, "b", default));
        Assert.Equal(["e"], await Metadata.ListTagsAsync("app", 2, "d", default));
        Assert.Empty(await Metadata.ListTagsAsync("app", 2, "e", default));
        Assert.Equal(["c", "d", "e"], await Metadata.ListTagsAsync("app", null, "bb", default));
        Assert.Empty(await Metadata.ListTagsAsync("app", 0, null, default));
    }

    [Fact]
    public async Task ListTagsAsync_UnknownRepository_IsEmpty()
    {
        await TagAsync("app", "v1");

        Assert.Empty(await Metadata.ListTagsAsync("ap", null, null, default));
    }

    [Fact]
    public async Task ListRepositoriesAsync_AllRepositories_InLexicalOrder()
    {
        foreach (var name in new[] { "zeta", "alpha/app", "beta", "alpha", "alpha-x" })
            await Metadata.LinkBlobAsync(name, Digest.Compute("shared"u8), 6, default);

        Assert.Equal(["alpha", "alpha-x", "alpha/app", "beta", "zeta"], await Metadata.ListRepositoriesAsync(null, null, default));
    }

    [Fact]
    public async Task ListRepositoriesAsync_LimitAndLast_WalkThePages()
    {
        foreach (var name in new[] { "e", "c", "a", "d", "b" })
            await Metadata.LinkBlobAsync(name, Digest.Compute("shared"u8), 6, default);

        Assert.Equal(["a", "b", "c"], await Metadata.ListRepositoriesAsync(3, null, default));
        Assert.Equal(["d", "e"], await Metadata.ListRepositoriesAsync(3, "c", default));
        Assert.Empty(await Metadata.ListRepositoriesAsync(3, "e", default));
    }

    [Fact]
    public async Task ListReferrersAsync_WithoutFilter_ListsEveryReferrerOfTheSubjectInPushOrder()
    {
        var (subject, sbom, signature, plain) = await PushReferrersAsync();

        var referrers = await Metadata.ListReferrersAsync("app", subject.Digest, null, default);

        Assert.Equal([sbom.Digest, signature.Digest, plain.Digest], referrers.Select(r => r.Digest));
        Assert.Equal(["application/vnd.example.sbom", "application/vnd.example.signature", TestManifests.ConfigType], referrers.Select(r => r.ArtifactType));
    }

    [Fact]
    public async Task ListReferrersAsync_WithArtifactType_ListsOnlyThatType()
    {
        var (subject, _, signature, _) = await PushReferrersAsync();

        var referrer = Assert.Single(await Metadata.ListReferrersAsync("app", subject.Digest, "application/vnd.example.signature", default));

        Assert.Equal(MediaTypes.OciManifest, referrer.MediaType);
        Assert.Equal(signature.Digest, referrer.Digest);
        Assert.Equal(signature.Content.Length, referrer.Size);
        Assert.Equal("application/vnd.example.signature", referrer.ArtifactType);
        Assert.Contains("\"org.example.note\":\"signed by ci\"", referrer.AnnotationsJson);
        Assert.Empty(await Metadata.ListReferrersAsync("app", subject.Digest, "application/vnd.example.unknown", default));
    }

    [Fact]
    public async Task ListReferrersAsync_SubjectWithoutReferrers_IsEmpty()
    {
        var (_, sbom, _, _) = await PushReferrersAsync();

        Assert.Empty(await Metadata.ListReferrersAsync("app", sbom.Digest, null, default));
        Assert.Empty(await Metadata.ListReferrersAsync("unknown", sbom.Digest, null, default));
    }

    /// <summary>
    /// An image in "app" and three artifacts referring to it (an SBOM, a signature, and an image manifest
    /// without artifactType), plus a referrer of the same digest in another repository that must not show.
    /// </summary>
    private async Task<(ManifestUpload Subject, ManifestUpload Sbom, ManifestUpload Signature, ManifestUpload Plain)> PushReferrersAsync()
    {
        var subject = await _db.PushImageAsync("app", "v1", "subject");
        Descriptor about = TestManifests.Describe(subject);
        var sbom = await _db.PushImageAsync("app", null, "sbom", "application/vnd.example.sbom", about);
        var signature = await _db.PushImageAsync("app", null, "signature", "application/vnd.example.signature", about, "signed by ci");
        var plain = await _db.PushImageAsync("app", null, "plain", null, about);
        await _db.PushImageAsync("other", null, "elsewhere", "application/vnd.example.signature", about);
        await _db.PushImageAsync("app", null, "unrelated", "application/vnd.example.signature");
        return (subject, sbom, signature, plain);
    }
}
