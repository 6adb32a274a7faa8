using Berth.Scanning.Analyzers.Language;

namespace Berth.Scanning.Tests.Analyzers.Language;

public class ScratchFileTests
{
    private static byte[] Content(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 + 7))];

    private static async Task<byte[]> ReadAllAsync(ScratchFile scratch)
    {
        var copy = new byte[scratch.Length];
        Assert.Equal(copy.Length, await scratch.ReadAtAsync(0, copy, default));
        return copy;
    }

    [Fact]
    public async Task A_small_declared_size_is_kept_in_memory_and_reads_back_whole_with_its_prefix()
    {
        var content = Content(10_000);
        await using var scratch = await ScratchFile.CopyAsync(new MemoryStream(content[4..]), content.AsMemory(0, 4), content.Length, 1 << 20, default);

        Assert.NotNull(scratch);
        Assert.IsNotType<FileStream>(scratch.Stream);
        Assert.Equal(content, await ReadAllAsync(scratch));
        var middle = new byte[100];
        Assert.Equal(100, await scratch.ReadAtAsync(5_000, middle, default));
        Assert.Equal(content[5_000..5_100], middle);
        Assert.Equal(50, await scratch.ReadAtAsync(content.Length - 50, middle, default));
    }

    [Fact]
    public async Task Content_longer_than_declared_is_still_copied_whole_on_disk()
    {
        var content = Content(50_000);
        await using var scratch = await ScratchFile.CopyAsync(new MemoryStream(content), ReadOnlyMemory<byte>.Empty, 1_000, 1 << 20, default);

        Assert.NotNull(scratch);
        Assert.IsType<FileStream>(scratch.Stream);
        Assert.Equal(content, await ReadAllAsync(scratch));
    }

    [Fact]
    public async Task A_large_or_unknown_size_goes_to_disk_and_the_cap_still_holds()
    {
        var content = Content(ScratchFile.InMemoryBytes + 1);
        await using var large = await ScratchFile.CopyAsync(new MemoryStream(content), ReadOnlyMemory<byte>.Empty, content.Length, 64 << 20, default);
        var capped = await ScratchFile.CopyAsync(new MemoryStream(content), ReadOnlyMemory<byte>.Empty, 1 << 20, default);

        Assert.IsType<FileStream>(large!.Stream);
        Assert.Equal(content.Length, large.Length);
        Assert.Null(capped);
    }

    [Fact]
    public async Task Content_over_the_cap_is_refused_even_when_it_declared_a_small_size()
    {
        var content = Content(5_000);

        var refused = await ScratchFile.CopyAsync(new MemoryStream(content), ReadOnlyMemory<byte>.Empty, 100, 1_000, default);

        Assert.Null(refused);
    }
}
