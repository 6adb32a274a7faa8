using Microsoft.Win32.SafeHandles;

namespace Berth.Storage.FileSystem;

/// <summary>
/// Writes one request's blocks into an upload's data file. Aligned blocks go straight to disk (O_DIRECT):
/// the commit fsyncs every blob anyway, so staging it in the page cache first only costs a copy and the
/// kernel's writeback work, which on a virtual machine can be several times the cost of the write itself
/// (see docs/performance.md). What cannot go direct (an unaligned start or the tail of the body, or a
/// filesystem without O_DIRECT) is written through the page cache with writeback paced by
/// <see cref="WritebackPacer"/>.
/// </summary>
internal sealed class UploadFileWriter(SafeFileHandle file, string path) : IDisposable
{
    private SafeFileHandle? _direct;
    private bool _directTried;
    private WritebackPacer? _pacer;

    /// <summary>Bytes this writer sent past the page cache.</summary>
    public long DirectBytes { get; private set; }

    /// <summary>
    /// Writes <paramref name="block"/> at <paramref name="offset"/>. Blocks must arrive in file order, and a
    /// block shorter than a multiple of <see cref="DirectIo.Alignment"/> must be the request's last.
    /// </summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> block, long offset, CancellationToken cancellationToken)
    {
        var aligned = block.Length - block.Length % DirectIo.Alignment;
        if (aligned > 0 && DirectIo.IsAligned(offset) && IsAligned(block) && DirectHandle() is { } direct)
        {
            try
            {
                await RandomAccess.WriteAsync(direct, block[..aligned], offset, cancellationToken);
                DirectBytes += aligned;
                block = block[aligned..];
                offset += aligned;
            }
            catch (IOException)
            {
                // Some filesystems accept O_DIRECT at open and refuse the write (EINVAL); the page cache
                // takes this block and the rest. A real I/O error fails again below and is reported there.
                StopDirect();
            }
        }
        if (block.Length == 0) return;
        await RandomAccess.WriteAsync(file, block, offset, cancellationToken);
        (_pacer ??= new WritebackPacer(file, offset)).Written(block.Length);
    }

    /// <summary>Waits for a background flush in flight: the handle must outlive it.</summary>
    public Task DrainAsync() => _pacer?.DrainAsync() ?? Task.CompletedTask;

    public void Dispose() => StopDirect();

    private SafeFileHandle? DirectHandle()
    {
        if (!_directTried)
        {
            _directTried = true;
            _direct = DirectIo.TryOpenForWrite(path);
        }
        return _direct;
    }

    private void StopDirect()
    {
        _direct?.Dispose();
        _direct = null;
        _directTried = true;
    }

    private static unsafe bool IsAligned(ReadOnlyMemory<byte> block)
    {
        using var pin = block.Pin();
        return DirectIo.IsAligned((long)pin.Pointer);
    }
}
