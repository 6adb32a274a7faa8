using Berth.Core;

namespace Berth.Metadata.Tests.Sqlite;

/// <summary>Blob links and repositories; manifests and listings are in the other parts of this class.</summary>
public sealed partial class SqliteRegistryMetadataTests : IAsyncLifetime
{
    private MetadataDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MetadataDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private IRegistryMetadata Metadata => _db.Metadata;

    private static readonly Digest Layer = Digest.Compute("layer"u8);

    [Fact]
    public async Task LinkBlobAsync_NewRepository_CreatesItAndLinksTheBlob()
    {
        Assert.False(await Metadata.RepositoryExistsAsync("team/app", default));

        await Metadata.LinkBlobAsync("team/app", Layer, 5, default);

        Assert.True(await Metadata.RepositoryExistsAsync("team/app", default));
        Assert.Equal(5, await Metadata.FindLinkedBlobAsync("team/app", Layer, default));
    }

    [Fact]
    public async Task LinkBlobAsync_NewRepositories_LandInTheProjectOfTheirFirstComponent()
    {
        await Metadata.LinkBlobAsync("team/app", Layer, 5, default);
        await Metadata.LinkBlobAsync("team/tools/lint", Layer, 5, default);
        await Metadata.LinkBlobAsync("solo", Layer, 5, default);

        Assert.Equal(2, await _db.ScalarAsync<long>("SELECT count(*) FROM project;"));
        Assert.Equal(2, await _db.ScalarAsync<long>(
            "SELECT count(*) FROM repository r JOIN project p ON p.id = r.project_id WHERE p.name = 'team';"));
        Assert.Equal(1, await _db.ScalarAsync<long>(
            "SELECT count(*) FROM repository r JOIN project p ON p.id = r.project_id WHERE p.name = 'solo' AND r.name = 'solo';"));
    }

    [Fact]
    public async Task FindLinkedBlobAsync_BlobLinkedOnlyElsewhere_IsNull()
    {
        await Metadata.LinkBlobAsync("a", Layer, 5, default);
        await Metadata.LinkBlobAsync("b", Digest.Compute("other"u8), 5, default);

        Assert.Null(await Metadata.FindLinkedBlobAsync("b", Layer, default));
        Assert.Null(await Metadata.FindLinkedBlobAsync("unknown", Layer, default));
    }

    [Fact]
    public async Task LinkBlobAsync_Twice_KeepsOneBlobAndOneLink()
    {
        await Metadata.LinkBlobAsync("a", Layer, 5, default);
        await Metadata.LinkBlobAsync("a", Layer, 5, default);

        Assert.Equal(1, await _db.CountAsync("blob"));
        Assert.Equal(1, await _db.CountAsync("repository_blob"));
        Assert.Equal(1, await _db.CountAsync("repository"));
    }

    [Fact]
    public async Task LinkBlobAsync_SameBlobInTwoRepositories_IsOneBlobWithTwoLinks()
    {
        await Metadata.LinkBlobAsync("a", Layer, 5, default);
        await Metadata.LinkBlobAsync("b", Layer, 5, default);

        Assert.Equal(1, await _db.CountAsync("blob"));
        Assert.Equal(2, await _db.CountAsync("repository_blob"));
        Assert.Equal(5, await Metadata.FindLinkedBlobAsync("b", Layer, default));
    }

    [Fact]
    public async Task UnlinkBlobAsync_LinkedBlob_RemovesOnlyThatLink()
    {
        await Metadata.LinkBlobAsync("a", Layer, 5, default);
        await Metadata.LinkBlobAsync("b", Layer, 5, default);

        Assert.True(await Metadata.UnlinkBlobAsync("a", Layer, default));

        Assert.Null(await Metadata.FindLinkedBlobAsync("a", Layer, default));
        Assert.Equal(5, await Metadata.FindLinkedBlobAsync("b", Layer, default));
        Assert.Equal(1, await _db.CountAsync("blob"));
        Assert.False(await Metadata.UnlinkBlobAsync("a", Layer, default));
    }

    [Fact]
    public async Task UnlinkBlobAsync_UnknownRepository_IsFalse() =>
        Assert.False(await Metadata.UnlinkBlobAsync("nobody", Layer, default));

    [Fact]
    public async Task LinkBlobAsync_TwentyInParallel_AllSucceed()
    {
        var digests = Enumerable.Range(0, 20).Select(i => Digest.Compute(BitConverter.GetBytes(i))).ToArray();

        await Task.WhenAll(digests.Select((digest, i) =>
            Task.Run(() => Metadata.LinkBlobAsync(i % 2 == 0 ? "even" : "odd", digest, 100 + i, default))));

        for (var i = 0; i < digests.Length; i++)
            Assert.Equal(100 + i, await Metadata.FindLinkedBlobAsync(i % 2 == 0 ? "even" : "odd", digests[i], default));
        Assert.Equal(20, await _db.CountAsync("repository_blob"));
        Assert.Equal(2, await _db.CountAsync("repository"));
    }

    [Fact]
    public async Task LinkBlobAsync_SameBlobIntoTwentyRepositoriesInParallel_AllSucceed()
    {
        var repositories = Enumerable.Range(0, 20).Select(i => $"parallel/repo{i}").ToArray();

        await Task.WhenAll(repositories.Select(repository => Task.Run(() => Metadata.LinkBlobAsync(repository, Layer, 5, default))));

        foreach (var repository in repositories) Assert.Equal(5, await Metadata.FindLinkedBlobAsync(repository, Layer, default));
        Assert.Equal(1, await _db.CountAsync("blob"));
        Assert.Equal(20, await _db.CountAsync("repository"));
    }
}
