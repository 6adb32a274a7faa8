using Microsoft.Win32.SafeHandles;

namespace Berth.Storage.FileSystem;

/// <summary>
/// Starts flushing an upload file to disk in the background each time its length passes another
/// <see cref="Step"/> bytes, so the disk works while the network delivers the rest. The commit's own
/// fsync then finds only the tail left. Positions are in the file, not in one request, so chunked
/// uploads of any chunk size are paced the same way.
/// </summary>
internal sealed class WritebackPacer(SafeFileHandle file, long startOffset)
{
    private const long Step = 32L << 20;

    private long _position = startOffset;
    private long _lastFlushAt = startOffset;
    private Task _flush = Task.CompletedTask;

    public void Written(int bytes)
    {
        _position += bytes;
        if (_position / Step == _lastFlushAt / Step || !_flush.IsCompleted) return;
        _lastFlushAt = _position;
        _flush = Task.Run(() => RandomAccess.FlushToDisk(file));
    }

    /// <summary>Waits for a flush in flight: the handle must outlive it.</summary>
    public Task DrainAsync() => _flush;
}
