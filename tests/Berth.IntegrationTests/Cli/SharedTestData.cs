namespace Berth.IntegrationTests.Cli;

/// <summary>The real package and advisory data in <c>shared/testdata</c>, beside the repository (or above a worktree).</summary>
public static class SharedTestData
{
    public static string Root { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Advisories => Path("advisories");

    /// <summary>A Go binary built with go1.15.2 (SOURCES.md: 131 stdlib advisories match it).</summary>
    public static string GoBinary => Path("packages", "go", "binary", "executable_gobinary");

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "testdata");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"shared/testdata was not found above {AppContext.BaseDirectory}");
    }
}
