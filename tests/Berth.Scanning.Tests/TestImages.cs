namespace Berth.Scanning.Tests;

/// <summary>
/// The real Debian images shared/scripts/build-test-images.sh builds as one OCI layout (tags debian-minbase
/// and debian-node), with dpkg-query's own package list beside them. scripts/test.sh builds them first.
/// </summary>
public static class TestImages
{
    public static string Root { get; } =
        Environment.GetEnvironmentVariable("BERTH_TEST_IMAGES") is { Length: > 0 } configured ? configured : "/tmp/berth-test-images";

    /// <summary>The layout directory; a missing one fails the test with the command that builds it.</summary>
    public static string RequireLayout()
    {
        if (!File.Exists(Path.Combine(Root, ".complete")) || !File.Exists(Path.Combine(Root, "debian-minbase.packages")))
            throw new InvalidOperationException(
                $"The real Debian test images are missing at '{Root}' (BERTH_TEST_IMAGES). Build them with " +
                $"`bash ../shared/scripts/build-test-images.sh {Root}` from the repository root, or run scripts/test.sh.");
        return Root;
    }

    public static IReadOnlyList<string> DpkgGroundTruth() =>
        [.. File.ReadAllLines(Path.Combine(RequireLayout(), "debian-minbase.packages")).Where(line => line.Length > 0).Order(StringComparer.Ordinal)];
}
