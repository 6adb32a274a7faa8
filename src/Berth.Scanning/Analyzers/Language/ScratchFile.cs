using System.Buffers;

namespace Berth.Scanning.Analyzers.Language;

/// <summary>
/// A private copy of a forward-only stream, for formats that need random access (executables, zip archives).
/// The copy stops at a byte cap. Content whose declared size is small stays in a pooled buffer: an image has
/// hundreds of programs, and a temporary file for each (create, write, read back, delete) cost more than the
/// analysis. Larger content goes to a temporary file, deleted when disposed (DeleteOnClose, so also when the
/// process dies). Either way memory stays bounded by <see cref="InMemoryBytes"/> per copy.
/// The temporary file is written and read synchronously: .NET's async file calls on Linux run the same
/// system call on another pool thread, and those hand-offs (wake-ups, spinning workers) cost more CPU than
/// the page-cache copy itself; a scan runs as a background job, so blocking its thread is fine.
/// </summary>
public sealed class ScratchFile : IAsyncDisposable
{
    /// <summary>Largest declared size kept in memory rather than in a temporary file.</summary>
    public const int InMemoryBytes = 4 << 20;

    private byte[]? _pooled;

    private ScratchFile(Stream stream, byte[]? pooled)
    {
        Stream = stream;
        _pooled = pooled;
    }

    /// <summary>The copy, positioned at 0, readable and seekable.</summary>
    public Stream Stream { get; }

    public long Length => Stream.Length;

    /// <summary>
    /// Copies <paramref name="prefix"/> then the rest of <paramref name="source"/>. Returns null when the
    /// content is longer than <paramref name="maxBytes"/> (nothing partial is kept).
    /// </summary>
    public static Task<ScratchFile?> CopyAsync(Stream source, ReadOnlyMemory<byte> prefix, long maxBytes, CancellationToken cancellationToken) =>
        CopyAsync(source, prefix, -1, maxBytes, cancellationToken);

    /// <param name="declaredBytes">The whole content's size as its container declares it (a tar header's size,
    /// prefix included), or -1 when unknown. It only picks memory or disk: content that turns out longer still
    /// copies whole, to disk.</param>
    public static async Task<ScratchFile?> CopyAsync(
        Stream source, ReadOnlyMemory<byte> prefix, long declaredBytes, long maxBytes, CancellationToken cancellationToken)
    {
        if (prefix.Length > maxBytes) return null;
        if (declaredBytes < prefix.Length || declaredBytes > Math.Min(InMemoryBytes, maxBytes))
            return await CopyToFileAsync(source, prefix, maxBytes, cancellationToken);

        // One byte more than declared tells content that matches its size from content that runs on.
        var capacity = (int)declaredBytes + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var kept = false;
        try
        {
            prefix.CopyTo(buffer);
            var total = prefix.Length;
            int read;
            while (total < capacity && (read = await source.ReadAsync(buffer.AsMemory(total, capacity - total), cancellationToken)) > 0)
                total += read;
            if (total < capacity)
            {
                kept = true;
                return new ScratchFile(new MemoryStream(buffer, 0, total, writable: false, publiclyVisible: true), buffer);
            }
            return await CopyToFileAsync(source, buffer.AsMemory(0, total), maxBytes, cancellationToken);
        }
        finally
        {
            if (!kept) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<ScratchFile?> CopyToFileAsync(
        Stream source, ReadOnlyMemory<byte> prefix, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"berth-scan-{Guid.NewGuid():N}.tmp");
        // The buffer serves the zip reader's small reads of a large jar; big writes pass it by.
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 4096,
            FileOptions.DeleteOnClose);
        var scratch = new ScratchFile(stream, null);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            if (prefix.Length > maxBytes)
            {
                await scratch.DisposeAsync();
                return null;
            }
            stream.Write(prefix.Span);
            long total = prefix.Length;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    await scratch.DisposeAsync();
                    return null;
                }
                stream.Write(buffer, 0, read);
            }
            stream.Flush();
            stream.Position = 0;
            return scratch;
        }
        catch
        {
            await scratch.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes at <paramref name="offset"/>; fewer only at the end.</summary>
    public ValueTask<int> ReadAtAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadAt(offset, buffer.Span));
    }

    private int ReadAt(long offset, Span<byte> buffer)
    {
        if (offset < 0 || offset >= Length) return 0;
        if (_pooled is { } memory)
        {
            var count = (int)Math.Min(buffer.Length, Length - offset);
            memory.AsSpan((int)offset, count).CopyTo(buffer);
            return count;
        }
        var file = (FileStream)Stream;
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(file.SafeFileHandle, buffer[total..], offset + total);
            if (read == 0) break;
            total += read;
        }
        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        if (Interlocked.Exchange(ref _pooled, null) is { } pooled) ArrayPool<byte>.Shared.Return(pooled);
    }
}
