using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Berth.Storage.FileSystem;

/// <summary>
/// Linux's sync_file_range(SYNC_FILE_RANGE_WRITE): asks the kernel to start writing a byte range of a
/// file to disk and returns without waiting. .NET has no managed form of it.
/// </summary>
internal static partial class LinuxWriteback
{
    private const uint SyncFileRangeWrite = 2;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Starts writeback of the range; false when the platform or filesystem cannot.</summary>
    public static bool TryStart(SafeFileHandle file, long offset, long count)
    {
        if (_unavailable) return false;
        try
        {
            return SyncFileRange(file, offset, count, SyncFileRangeWrite) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(SafeFileHandle fd, long offset, long nbytes, uint flags);
}
