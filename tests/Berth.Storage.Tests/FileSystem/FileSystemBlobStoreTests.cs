using Berth.Core;

namespace Berth.Storage.Tests.FileSystem;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FileSystemStorage _storage;

    public FileSystemBlobStoreTests() => _storage = new FileSystemStorage(Path.Combine(_directory.Path, "blobs"));

    public void Dispose() => _directory.Dispose();

    private IBlobStore Blobs => _storage.Blobs;

    private static readonly Digest Unknown = Digest.Compute("never stored"u8);

    [Fact]
    public async Task GetSizeAsync_CommittedBlob_IsItsLength()
    {
        var digest = await _storage.PutBlobAsync(FileSystemStorage.Content(1234, seed: 1));

        Assert.Equal(1234, await Blobs.GetSizeAsync(digest, default));
    }

    [Fact]
    public async Task GetSizeAsync_UnknownDigest_IsNull() =>
        Assert.Null(await Blobs.GetSizeAsync(Unknown, default));

    [Fact]
    public async Task OpenReadAsync_CommittedBlob_IsSeekableStreamOfItsBytes()
    {
        var content = FileSystemStorage.Content(4096, seed: 2);
        var digest = await _storage.PutBlobAsync(content);

        await using var stream = await Blobs.OpenReadAsync(digest, default);

        Assert.NotNull(stream);
        Assert.True(stream.CanSeek);
        Assert.Equal(content.Length, stream.Length);
        stream.Seek(1000, SeekOrigin.Begin);
        var slice = new byte[100];
        await stream.ReadExactlyAsync(slice);
        Assert.Equal(content.AsSpan(1000, 100).ToArray(), slice);
    }

    [Fact]
    public async Task OpenReadAsync_UnknownDigestInEmptyStore_IsNull() =>
        Assert.Null(await Blobs.OpenReadAsync(Unknown, default));

    [Fact]
    public async Task OpenReadAsync_UnknownDigestBesideOtherBlobs_IsNull()
    {
        await _storage.PutBlobAsync(FileSystemStorage.Content(10, seed: 3));

        Assert.Null(await Blobs.OpenReadAsync(Unknown, default));
    }

    [Fact]
    public async Task DeleteAsync_CommittedBlob_RemovesItOnce()
    {
        var digest = await _storage.PutBlobAsync(FileSystemStorage.Content(10, seed: 4));
        var other = await _storage.PutBlobAsync(FileSystemStorage.Content(10, seed: 5));

        Assert.True(await Blobs.DeleteAsync(digest, default));

        Assert.Null(await Blobs.GetSizeAsync(digest, default));
        Assert.Null(await Blobs.OpenReadAsync(digest, default));
        Assert.False(await Blobs.DeleteAsync(digest, default));
        Assert.Equal(10, await Blobs.GetSizeAsync(other, default));
    }

    [Fact]
    public async Task DeleteAsync_UnknownDigest_IsFalse() =>
        Assert.False(await Blobs.DeleteAsync(Unknown, default));
}
