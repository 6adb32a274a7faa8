using Microsoft.Win32.SafeHandles;

namespace Berth.Scanning.Analyzers.Rpm;

/// <summary>Random-access reads of a database copy, each refused unless it lies wholly inside the file.</summary>
internal sealed class DatabaseFile : IDisposable
{
    private readonly SafeFileHandle _handle;

    private DatabaseFile(SafeFileHandle handle, long length)
    {
        _handle = handle;
        Length = length;
    }

    public long Length { get; }

    public static DatabaseFile Open(TemporaryDatabaseCopy copy) =>
        new(File.OpenHandle(copy.Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous), copy.Length);

    public bool Contains(long offset, long count) => offset >= 0 && count >= 0 && offset <= Length && count <= Length - offset;

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; false when that runs past the end.</summary>
    public async ValueTask<bool> ReadAsync(Memory<byte> buffer, long offset, CancellationToken cancellationToken)
    {
        if (!Contains(offset, buffer.Length)) return false;
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(_handle, buffer[filled..], offset + filled, cancellationToken);
            if (read == 0) return false;
            filled += read;
        }
        return true;
    }

    public void Dispose() => _handle.Dispose();
}
