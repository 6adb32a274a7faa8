using Microsoft.Win32.SafeHandles;

namespace Berth.Storage.FileSystem;

/// <summary>
/// Starts flushing a file to disk in the background while it is still being written, every
/// <see cref="Step"/> bytes, so the disk works while the network delivers the rest. The commit's own
/// fsync then finds only the tail left, instead of writing the whole blob while the client waits.
/// </summary>
internal sealed class WritebackPacer(SafeFileHandle file)
{
    private const long Step = 32L << 20;

    private long _unflushed;
    private Task _flush = Task.CompletedTask;

    public void Written(int bytes)
    {
        _unflushed += bytes;
        if (_unflushed < Step || !_flush.IsCompleted) return;
        _unflushed = 0;
        _flush = Task.Run(() => RandomAccess.FlushToDisk(file));
    }

    /// <summary>Waits for a flush in flight: the handle must outlive it.</summary>
    public Task DrainAsync() => _flush;
}
