using Berth.Storage.FileSystem;

namespace Berth.Storage.Tests.FileSystem;

public sealed class UploadFileWriterTests : IDisposable
{
    private const int MiB = 1 << 20;

    private readonly TempDirectory _directory = new();
    private readonly string _path;

    public UploadFileWriterTests()
    {
        _path = Path.Combine(_directory.Path, "data");
        File.Create(_path).Dispose();
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Writes <paramref name="content"/> from offset <paramref name="start"/> in aligned 1 MiB blocks, as an upload request does.</summary>
    private async Task<long> WriteAsync(byte[] content, long start)
    {
        using var file = File.OpenHandle(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        using var writer = new UploadFileWriter(file, _path);
        var block = AlignedBlock.Rent(MiB);
        try
        {
            for (var done = 0; done < content.Length; done += MiB)
            {
                var length = Math.Min(MiB, content.Length - done);
                content.AsSpan(done, length).CopyTo(block.Memory.Span);
                await writer.WriteAsync(block.Memory[..length], start + done, default);
            }
            await writer.DrainAsync();
        }
        finally
        {
            AlignedBlock.Return(block);
        }
        return writer.DirectBytes;
    }

    [Fact]
    public async Task WriteAsync_AlignedStart_SendsWholePagesDirectAndTheTailThroughThePageCache()
    {
        var content = FileSystemStorage.Content(2 * MiB + 5000, seed: 1);

        var direct = await WriteAsync(content, 0);

        // Berth's servers run on Linux with ext4 or xfs; there the bulk of an upload must skip the page cache.
        Assert.Equal(OperatingSystem.IsLinux() ? 2 * MiB + 4096 : 0, direct);
        Assert.Equal(content, await File.ReadAllBytesAsync(_path));
    }

    [Fact]
    public async Task WriteAsync_UnalignedStart_GoesThroughThePageCacheAndKeepsTheBytesBefore()
    {
        var head = FileSystemStorage.Content(1000, seed: 2);
        var rest = FileSystemStorage.Content(MiB + 3, seed: 3);
        await WriteAsync(head, 0);

        var direct = await WriteAsync(rest, head.Length);

        Assert.Equal(0, direct);
        Assert.Equal(head.Concat(rest).ToArray(), await File.ReadAllBytesAsync(_path));
    }

    [Fact]
    public async Task WriteAsync_AfterAnUnalignedTail_NextRequestAtAnAlignedOffsetGoesDirectAgain()
    {
        var first = FileSystemStorage.Content(MiB, seed: 4);
        var second = FileSystemStorage.Content(MiB + 1, seed: 5);
        await WriteAsync(first, 0);

        var direct = await WriteAsync(second, first.Length);

        Assert.Equal(OperatingSystem.IsLinux() ? MiB : 0, direct);
        Assert.Equal(first.Concat(second).ToArray(), await File.ReadAllBytesAsync(_path));
    }

    [Fact]
    public async Task WriteAsync_UnalignedBuffer_GoesThroughThePageCache()
    {
        var content = FileSystemStorage.Content(3 * 4096, seed: 6);
        using var file = File.OpenHandle(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        using var writer = new UploadFileWriter(file, _path);

        // One byte into a managed array is never on a 4096-byte boundary, which O_DIRECT would refuse.
        await writer.WriteAsync(content.AsMemory(1), 0, default);

        Assert.Equal(0, writer.DirectBytes);
        Assert.Equal(content[1..], await File.ReadAllBytesAsync(_path));
    }

    [Fact]
    public void TryOpenForWrite_MissingFile_IsNull() =>
        Assert.Null(DirectIo.TryOpenForWrite(Path.Combine(_directory.Path, "missing")));
}
