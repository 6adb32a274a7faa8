using Berth.Storage.FileSystem;

namespace Berth.Storage.Tests.FileSystem;

public sealed class LinuxWritebackTests
{
    [Fact]
    public void TryStart_OnLinuxWithWrittenData_StartsWriteback()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "data");
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite);
        RandomAccess.Write(file, new byte[4 << 20], 0);

        // Berth's servers run on Linux; there the call must work, or every upload pays its whole fsync at commit.
        Assert.Equal(OperatingSystem.IsLinux(), LinuxWriteback.TryStart(file, 0, 4 << 20));
    }

    [Fact]
    public void TryStart_NegativeRange_IsRefusedNotThrown()
    {
        using var directory = new TempDirectory();
        using var file = File.OpenHandle(Path.Combine(directory.Path, "data"), FileMode.CreateNew, FileAccess.ReadWrite);

        Assert.False(LinuxWriteback.TryStart(file, -1, 10));
    }
}
