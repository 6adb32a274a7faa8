namespace Berth.Scanning.Tests;

/// <summary>Finds `../shared/testdata` beside the repository (real package databases and advisories).</summary>
public static class TestData
{
    public static string Root { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "testdata");
            if (Directory.Exists(candidate)) return candidate;
            candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "testdata");
            if (Directory.Exists(candidate)) return System.IO.Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("shared/testdata was not found above " + AppContext.BaseDirectory);
    }
}
