namespace Berth.Bench.Scanning;

/// <summary>Fresh directories for the scanner benchmark's temporary files (layer cache, database, generated layer).</summary>
public static class ScratchDirectories
{
    /// <param name="parent">--workdir, or null for the system temp directory.</param>
    public static string Create(string? parent, string purpose)
    {
        var path = Path.Combine(parent ?? Path.GetTempPath(), $"berth-scan-bench-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
