using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Berth.Storage.FileSystem;

/// <summary>
/// Linux's O_DIRECT: writes that go from the caller's buffer to the disk without passing through the page
/// cache. .NET's FileOptions has no such flag, so the file is opened with open(2) here.
/// </summary>
internal static partial class DirectIo
{
    /// <summary>Offsets, lengths and buffer addresses of direct writes are multiples of this.</summary>
    public const int Alignment = 4096;

    private const int WriteOnly = 0x1;
    private const int CloseOnExec = 0x80000;

    /// <summary>O_DIRECT's value differs between architectures; null where Berth does not know it.</summary>
    private static readonly int? DirectFlag = !OperatingSystem.IsLinux() ? null : RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => null,
    };

    /// <summary>
    /// A write-only handle on an existing file that bypasses the page cache, or null when the platform or
    /// the filesystem does not offer that (tmpfs on older kernels answers EINVAL).
    /// </summary>
    public static SafeFileHandle? TryOpenForWrite(string path)
    {
        if (DirectFlag is not { } direct) return null;
        var descriptor = Open(path, WriteOnly | CloseOnExec | direct);
        return descriptor < 0 ? null : new SafeFileHandle(descriptor, ownsHandle: true);
    }

    public static bool IsAligned(long value) => value % Alignment == 0;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);
}
