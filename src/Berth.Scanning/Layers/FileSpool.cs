using System.Buffers;

namespace Berth.Scanning.Layers;

/// <summary>
/// A copy of one tar entry's content for when several analyzers want the same file: the tar stream can be read only
/// once. Small files stay in memory; larger ones go to a temporary file that is deleted when the spool is disposed.
/// </summary>
internal sealed class FileSpool : IAsyncDisposable
{
    private const long InMemoryLimit = 1024 * 1024;

    private readonly Stream _copy;

    private FileSpool(Stream copy) => _copy = copy;

    public static async Task<FileSpool> CopyAsync(Stream content, long size, CancellationToken cancellationToken)
    {
        // Synchronous writes, for the reason ScratchFile gives.
        Stream copy = size <= InMemoryLimit
            ? new MemoryStream((int)size)
            : new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
                FileOptions.DeleteOnClose);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                copy.Write(buffer, 0, read);
            copy.Flush();
            return new FileSpool(copy);
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The content from its start, for the next analyzer.</summary>
    public Stream Rewind()
    {
        _copy.Position = 0;
        return new BorrowedStream(_copy);
    }

    public ValueTask DisposeAsync() => _copy.DisposeAsync();
}
