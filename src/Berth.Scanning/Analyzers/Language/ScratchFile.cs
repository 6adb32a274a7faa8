using System.Buffers;

namespace Berth.Scanning.Analyzers.Language;

/// <summary>
/// A private temporary copy of a forward-only stream, for formats that need random access (executables,
/// zip archives). The copy stops at a byte cap, and the file is deleted when disposed (DeleteOnClose, so
/// also when the process dies).
/// </summary>
public sealed class ScratchFile : IAsyncDisposable
{
    private ScratchFile(FileStream stream) => Stream = stream;

    /// <summary>The copy, positioned at 0, readable and seekable.</summary>
    public FileStream Stream { get; }

    public long Length => Stream.Length;

    /// <summary>
    /// Copies <paramref name="prefix"/> then the rest of <paramref name="source"/>. Returns null when the
    /// content is longer than <paramref name="maxBytes"/> (nothing partial is kept).
    /// </summary>
    public static async Task<ScratchFile?> CopyAsync(
        Stream source, ReadOnlyMemory<byte> prefix, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"berth-scan-{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var scratch = new ScratchFile(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            if (prefix.Length > maxBytes)
            {
                await scratch.DisposeAsync();
                return null;
            }
            await stream.WriteAsync(prefix, cancellationToken);
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
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await stream.FlushAsync(cancellationToken);
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
    public async ValueTask<int> ReadAtAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (offset < 0 || offset >= Length) return 0;
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(Stream.SafeFileHandle, buffer[total..], offset + total, cancellationToken);
            if (read == 0) break;
            total += read;
        }
        return total;
    }

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
