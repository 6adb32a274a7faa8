using Berth.Core;
using Berth.Core.Errors;
using Berth.Storage.Uploads;

namespace Berth.Storage.Tests.FileSystem;

public sealed class FileSystemUploadStoreTests : IDisposable
{
    private const int MiB = 1 << 20;

    private readonly TempDirectory _directory = new();
    private readonly FileSystemStorage _storage;

    public FileSystemUploadStoreTests() => _storage = new FileSystemStorage(Path.Combine(_directory.Path, "blobs"));

    public void Dispose() => _directory.Dispose();

    private IUploadStore Uploads => _storage.Uploads;

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private async Task<long> AppendAsync(UploadSession session, byte[] content, UploadChunk chunk = default) =>
        (await Uploads.AppendAsync(session, new MemoryStream(content), chunk, default)).Value;

    private async Task<long> SizeOnDiskAsync(UploadSession session)
    {
        var found = await Uploads.FindAsync(session.Id, default);
        Assert.NotNull(found);
        Assert.Equal(found.Size, new FileInfo(_storage.Paths.UploadData(session.Id)).Length);
        return found.Size;
    }

    private async Task AssertBlobAsync(Digest digest, byte[] expected)
    {
        Assert.Equal(expected.Length, await _storage.Blobs.GetSizeAsync(digest, default));
        await using var stream = await _storage.Blobs.OpenReadAsync(digest, default);
        Assert.NotNull(stream);
        var actual = new MemoryStream();
        await stream.CopyToAsync(actual);
        Assert.Equal(expected, actual.ToArray());
    }

    [Fact]
    public async Task StartAsync_NewSession_IsFoundEmptyWithItsRepository()
    {
        var session = await Uploads.StartAsync("library/nginx", default);

        var found = await Uploads.FindAsync(session.Id, default);

        Assert.Equal(session, found);
        Assert.Equal("library/nginx", found!.Repository);
        Assert.Equal(0, found.Size);
        Assert.True(Guid.TryParseExact(session.Id, "D", out _));
    }

    [Fact]
    public async Task AppendAsync_Chunks_ReturnsRunningSize()
    {
        var session = await Uploads.StartAsync("a", default);

        Assert.Equal(10, await AppendAsync(session, new byte[10]));
        Assert.Equal(25, await AppendAsync(session, new byte[15], new UploadChunk(10, 15)));
        Assert.Equal(25, await SizeOnDiskAsync(session));
    }

    [Fact]
    public async Task CommitAsync_RightDigest_MakesBlobWithTheBytesAndEndsTheSession()
    {
        var first = FileSystemStorage.Content(3 * MiB / 2, seed: 1);
        var second = FileSystemStorage.Content(1000, seed: 2);
        var content = Concat(first, second);
        var digest = Digest.Compute(content);
        var session = await Uploads.StartAsync("a", default);
        await AppendAsync(session, first);
        await AppendAsync(session, second, new UploadChunk(first.Length, second.Length));

        var committed = await Uploads.CommitAsync(session, digest, default);

        Assert.Equal(content.Length, committed.Value);
        await AssertBlobAsync(digest, content);
        Assert.Null(await Uploads.FindAsync(session.Id, default));
        Assert.False(Directory.Exists(_storage.Paths.UploadDirectory(session.Id)));
    }

    [Fact]
    public async Task CommitAsync_ChunksOfOddSizes_MakeBlobWithTheBytes()
    {
        // An odd first chunk leaves the second starting off a page boundary, where writes cannot bypass the
        // page cache; the third starts on one again after the second's odd tail.
        var parts = new[] { FileSystemStorage.Content(1000, seed: 11), FileSystemStorage.Content(MiB + 3096, seed: 12), FileSystemStorage.Content(2 * MiB + 1, seed: 13) };
        var content = Concat(parts);
        var session = await Uploads.StartAsync("a", default);
        long offset = 0;
        foreach (var part in parts)
        {
            offset = await AppendAsync(session, part, new UploadChunk(offset, part.Length));
        }

        var committed = await Uploads.CommitAsync(session, Digest.Compute(content), default);

        Assert.Equal(content.Length, committed.Value);
        await AssertBlobAsync(Digest.Compute(content), content);
    }

    [Fact]
    public async Task CommitAsync_WrongDigest_IsDigestInvalidAndDiscardsEverything()
    {
        var content = FileSystemStorage.Content(4096, seed: 3);
        var claimed = Digest.Compute("something else"u8);
        var session = await Uploads.StartAsync("a", default);
        await AppendAsync(session, content);

        var committed = await Uploads.CommitAsync(session, claimed, default);

        Assert.Equal(OciErrorCode.DigestInvalid, committed.Error!.Code);
        Assert.Contains(Digest.Compute(content).ToString(), committed.Error.Message);
        Assert.Null(await Uploads.FindAsync(session.Id, default));
        Assert.False(Directory.Exists(_storage.Paths.UploadDirectory(session.Id)));
        Assert.Null(await _storage.Blobs.GetSizeAsync(claimed, default));
        Assert.Null(await _storage.Blobs.GetSizeAsync(Digest.Compute(content), default));
        Assert.Empty(_storage.BlobFiles());
    }

    [Fact]
    public async Task AppendAsync_ChunkStartNotAtTheEnd_IsRefusedWith416AndChangesNothing()
    {
        var first = FileSystemStorage.Content(100, seed: 4);
        var second = FileSystemStorage.Content(50, seed: 5);
        var session = await Uploads.StartAsync("a", default);
        await AppendAsync(session, first);

        var gap = await Uploads.AppendAsync(session, new MemoryStream(second), new UploadChunk(120, 50), default);
        var overlap = await Uploads.AppendAsync(session, new MemoryStream(second), new UploadChunk(0, 50), default);

        Assert.Equal(OciErrorCode.BlobUploadInvalid, gap.Error!.Code);
        Assert.Equal(416, gap.Error.Status);
        Assert.Equal(OciErrorCode.BlobUploadInvalid, overlap.Error!.Code);
        Assert.Equal(100, await SizeOnDiskAsync(session));

        await AppendAsync(session, second, new UploadChunk(100, 50));
        Assert.True((await Uploads.CommitAsync(session, Digest.Compute(Concat(first, second)), default)).Succeeded);
    }

    [Fact]
    public async Task AppendAsync_BodyShorterThanAnnounced_IsSizeInvalidAndRollsBack()
    {
        var first = FileSystemStorage.Content(100, seed: 6);
        var second = FileSystemStorage.Content(50, seed: 7);
        var session = await Uploads.StartAsync("a", default);
        await AppendAsync(session, first);

        var appended = await Uploads.AppendAsync(session, new MemoryStream(second[..30]), new UploadChunk(100, 50), default);

        Assert.Equal(OciErrorCode.SizeInvalid, appended.Error!.Code);
        Assert.Contains("30", appended.Error.Message);
        Assert.Equal(100, await SizeOnDiskAsync(session));
        await AssertResumableAsync(session, first, second);
    }

    [Fact]
    public async Task AppendAsync_BodyLongerThanAnnounced_IsSizeInvalidAndRollsBack()
    {
        var first = FileSystemStorage.Content(100, seed: 8);
        var tooLong = FileSystemStorage.Content(5 * MiB / 2, seed: 9);
        var session = await Uploads.StartAsync("a", default);
        await AppendAsync(session, first);

        // Two full 1 MiB blocks fit the announced 2 MiB and reach the file before the third betrays the body.
        var appended = await Uploads.AppendAsync(session, new MemoryStream(tooLong), new UploadChunk(100, 2 * MiB), default);

        Assert.Equal(OciErrorCode.SizeInvalid, appended.Error!.Code);
        Assert.Equal(100, await SizeOnDiskAsync(session));
        await AssertResumableAsync(session, first, FileSystemStorage.Content(70, seed: 10));
    }

    [Fact]
    public async Task AppendAsync_BodyBreaksOff_IsSizeInvalidAndRollsBack()
    {
        var first = FileSystemStorage.Content(100, seed: 11);
        var session = await Uploads.StartAsync("a", default);
        await AppendAsync(session, first);

        var broken = new BrokenStream(FileSystemStorage.Content(3 * MiB / 2, seed: 12));
        var appended = await Uploads.AppendAsync(session, broken, UploadChunk.Streamed, default);

        Assert.Equal(OciErrorCode.SizeInvalid, appended.Error!.Code);
        Assert.Contains("broke off", appended.Error.Message);
        Assert.Equal(100, await SizeOnDiskAsync(session));
        await AssertResumableAsync(session, first, FileSystemStorage.Content(70, seed: 13));
    }

    /// <summary>After a refused chunk, the session takes the next chunk and commits under the digest of what it really holds.</summary>
    private async Task AssertResumableAsync(UploadSession session, byte[] kept, byte[] next)
    {
        Assert.Equal(kept.Length + next.Length, await AppendAsync(session, next, new UploadChunk(kept.Length, next.Length)));
        var content = Concat(kept, next);
        Assert.True((await Uploads.CommitAsync(session, Digest.Compute(content), default)).Succeeded);
        await AssertBlobAsync(Digest.Compute(content), content);
    }

    [Fact]
    public async Task CommitAsync_AfterRestart_ResumesTheSessionAndVerifiesAllOfIt()
    {
        var first = FileSystemStorage.Content(MiB + 17, seed: 14);
        var second = FileSystemStorage.Content(4000, seed: 15);
        var session = await Uploads.StartAsync("team/app", default);
        await AppendAsync(session, first);

        var restarted = _storage.Restarted();
        var resumed = await restarted.Uploads.FindAsync(session.Id, default);
        Assert.NotNull(resumed);
        Assert.Equal("team/app", resumed.Repository);
        Assert.Equal(first.Length, resumed.Size);

        var appended = await restarted.Uploads.AppendAsync(resumed, new MemoryStream(second), new UploadChunk(first.Length, second.Length), default);
        Assert.Equal(first.Length + second.Length, appended.Value);
        var content = Concat(first, second);
        var committed = await restarted.Uploads.CommitAsync(resumed, Digest.Compute(content), default);

        Assert.Equal(content.Length, committed.Value);
        await AssertBlobAsync(Digest.Compute(content), content);
    }

    [Fact]
    public async Task CommitAsync_AfterRestartWithoutNewData_HashesTheSessionFile()
    {
        var content = FileSystemStorage.Content(2048, seed: 16);
        var session = await Uploads.StartAsync("a", default);
        await AppendAsync(session, content);

        var restarted = _storage.Restarted();
        var committed = await restarted.Uploads.CommitAsync(session, Digest.Compute(content), default);

        Assert.Equal(content.Length, committed.Value);
        await AssertBlobAsync(Digest.Compute(content), content);
    }

    [Fact]
    public async Task CommitAsync_Sha512Digest_StoresTheBlobUnderSha512()
    {
        var content = FileSystemStorage.Content(MiB + 3, seed: 17);
        var digest = Digest.Compute(content, Digest.Sha512);
        var session = await Uploads.StartAsync("a", default);
        await AppendAsync(session, content);

        var committed = await Uploads.CommitAsync(session, digest, default);

        Assert.Equal(content.Length, committed.Value);
        await AssertBlobAsync(digest, content);
        Assert.Equal(_storage.Paths.Blob(digest), Assert.Single(_storage.BlobFiles()));
        Assert.Contains($"{Path.DirectorySeparatorChar}sha512{Path.DirectorySeparatorChar}", _storage.Paths.Blob(digest));
    }

    [Fact]
    public async Task CommitAsync_WrongSha512Digest_IsDigestInvalid()
    {
        var session = await Uploads.StartAsync("a", default);
        await AppendAsync(session, "abc"u8.ToArray());

        var committed = await Uploads.CommitAsync(session, Digest.Compute("abd"u8, Digest.Sha512), default);

        Assert.Equal(OciErrorCode.DigestInvalid, committed.Error!.Code);
        Assert.Empty(_storage.BlobFiles());
    }

    [Fact]
    public async Task CommitAsync_SameContentFromTwoSessions_KeepsOneBlobFile()
    {
        var content = FileSystemStorage.Content(5000, seed: 18);
        var digest = Digest.Compute(content);
        var one = await Uploads.StartAsync("a", default);
        var two = await Uploads.StartAsync("b", default);
        await AppendAsync(one, content);
        await AppendAsync(two, content);

        Assert.Equal(content.Length, (await Uploads.CommitAsync(one, digest, default)).Value);
        Assert.Equal(content.Length, (await Uploads.CommitAsync(two, digest, default)).Value);

        Assert.Equal(_storage.Paths.Blob(digest), Assert.Single(_storage.BlobFiles()));
        await AssertBlobAsync(digest, content);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_storage.Paths.UploadsRoot));
    }

    [Fact]
    public async Task CancelAsync_Session_RemovesItAndItsData()
    {
        var session = await Uploads.StartAsync("a", default);
        await AppendAsync(session, new byte[10]);

        await Uploads.CancelAsync(session, default);

        Assert.Null(await Uploads.FindAsync(session.Id, default));
        Assert.False(Directory.Exists(_storage.Paths.UploadDirectory(session.Id)));
    }

    [Fact]
    public async Task RemoveExpiredAsync_RemovesOnlyIdleSessions()
    {
        var idle = await Uploads.StartAsync("a", default);
        var fresh = await Uploads.StartAsync("a", default);
        var oldButWrittenTo = await Uploads.StartAsync("a", default);
        var longAgo = DateTime.UtcNow - TimeSpan.FromDays(3);
        Age(idle, longAgo, dataToo: true);
        Age(oldButWrittenTo, longAgo, dataToo: false);

        var removed = await Uploads.RemoveExpiredAsync(TimeSpan.FromDays(1), default);

        Assert.Equal(1, removed);
        Assert.Null(await Uploads.FindAsync(idle.Id, default));
        Assert.False(Directory.Exists(_storage.Paths.UploadDirectory(idle.Id)));
        Assert.NotNull(await Uploads.FindAsync(fresh.Id, default));
        Assert.NotNull(await Uploads.FindAsync(oldButWrittenTo.Id, default));
    }

    private void Age(UploadSession session, DateTime time, bool dataToo)
    {
        File.SetLastWriteTimeUtc(_storage.Paths.UploadInfo(session.Id), time);
        if (dataToo) File.SetLastWriteTimeUtc(_storage.Paths.UploadData(session.Id), time);
        Directory.SetLastWriteTimeUtc(_storage.Paths.UploadDirectory(session.Id), time);
    }

    [Fact]
    public async Task RemoveExpiredAsync_NoUploadsYet_RemovesNothing()
    {
        Assert.False(Directory.Exists(_storage.Paths.UploadsRoot));

        Assert.Equal(0, await Uploads.RemoveExpiredAsync(TimeSpan.Zero, default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("../outside")]
    [InlineData("../../etc")]
    [InlineData("not-a-session")]
    [InlineData("3f2504e04f8941d39a0c0305e82c3301")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    public async Task FindAsync_IdNotInOurGuidForm_IsNull(string id) =>
        Assert.Null(await Uploads.FindAsync(id, default));

    [Fact]
    public async Task FindAsync_PathTraversal_DoesNotReachASessionShapedDirectoryOutside()
    {
        // A directory beside _uploads that looks exactly like a session: only the id check keeps it out.
        var session = await Uploads.StartAsync("a", default);
        var outside = Path.Combine(_storage.Paths.Root, "outside");
        Directory.Move(_storage.Paths.UploadDirectory(session.Id), outside);
        Assert.True(File.Exists(Path.Combine(_storage.Paths.UploadsRoot, "..", "outside", "info")));

        Assert.Null(await Uploads.FindAsync("../outside", default));
    }

    [Fact]
    public async Task FindAsync_UnknownGuid_IsNull() =>
        Assert.Null(await Uploads.FindAsync(Guid.NewGuid().ToString("D"), default));
}
