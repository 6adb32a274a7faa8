namespace Berth.IntegrationTests.Infrastructure;

/// <summary>
/// The real Debian images the client tests push: an OCI layout with the tags <see cref="Minbase"/> (one
/// layer) and <see cref="Node"/> (three layers, the last with whiteouts), made by
/// <c>shared/scripts/build-test-images.sh</c>. Missing images fail the tests; they are never skipped.
/// </summary>
public static class TestImages
{
    public const string Minbase = "debian-minbase";
    public const string Node = "debian-node";
    public const string EnvironmentVariable = "BERTH_TEST_IMAGES";
    public const string FallbackDirectory = "/tmp/berth-test-images";

    private static readonly Lazy<Task<OciLayout>> Layout = new(LocateAsync);

    /// <summary>The layout named by BERTH_TEST_IMAGES, or one built into <see cref="FallbackDirectory"/> on first use.</summary>
    public static Task<OciLayout> LayoutAsync() => Layout.Value;

    private static async Task<OciLayout> LocateAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            if (!File.Exists(Path.Combine(configured, "index.json")))
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable}='{configured}' is not an OCI layout (no index.json); build it with shared/scripts/build-test-images.sh {configured}");
            }
            return OciLayout.Open(configured);
        }

        var script = FindBuildScript();
        // The script reuses a complete layout, so only the first run on a machine pays for mmdebstrap.
        var build = await Tool.RunAsync("bash", [script, FallbackDirectory], TimeSpan.FromMinutes(15));
        if (!build.Succeeded)
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is unset and building the test images into {FallbackDirectory} failed:\n{build}");
        }
        return OciLayout.Open(FallbackDirectory);
    }

    /// <summary>
    /// <c>shared/</c> sits beside the repository root (<c>../shared</c>). A git worktree may live deeper
    /// (<c>wt/NAME</c>), so the ancestors above the root are searched too.
    /// </summary>
    private static string FindBuildScript()
    {
        var root = RepositoryRoot();
        var looked = new List<string>();
        for (var directory = Directory.GetParent(root); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "scripts", "build-test-images.sh");
            if (File.Exists(candidate)) return candidate;
            looked.Add(candidate);
        }
        throw new InvalidOperationException(
            $"{EnvironmentVariable} is unset and no build-test-images.sh was found; looked at:\n{string.Join('\n', looked)}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Berth.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"no Berth.sln above {AppContext.BaseDirectory}; cannot find the repository root");
    }
}
