using Berth.Bench.Cli;

namespace Berth.Bench.Scanning;

/// <summary>Reads the options only `scan` takes; other verbs leave them unread, so they are rejected there as unknown.</summary>
public static class ScanOptionsParser
{
    public static ScanBenchSettings Read(OptionReader reader, bool isScan)
    {
        var defaults = new ScanBenchSettings();
        if (!isScan) return defaults;

        var images = reader.Text("--images") ?? defaults.ImagesDirectory;
        if (!File.Exists(Path.Combine(images, "index.json")))
            reader.Errors.Add($"--images '{images}' is not an OCI layout (no index.json); build the test images with shared/scripts/build-test-images.sh");

        var advisories = reader.Text("--advisories") ?? LocateAdvisories();
        if (advisories is null || !Directory.Exists(advisories))
            reader.Errors.Add(advisories is null
                ? "no shared/testdata/advisories found above the current or the program's directory; name one with --advisories DIR"
                : $"--advisories '{advisories}' does not exist");

        var tags = reader.Text("--tags") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : defaults.Tags;
        if (tags.Count == 0) reader.Errors.Add("--tags needs at least one tag");

        return new ScanBenchSettings
        {
            ImagesDirectory = images,
            Tags = tags,
            AdvisoriesDirectory = advisories,
            Inventories = reader.Integer("--inventories", 1, 1_000_000) ?? defaults.Inventories,
            LayerMiB = reader.Integer("--layer-mib", 0, 64 * 1024) ?? defaults.LayerMiB,
            Parts = reader.Text("--parts") is { } parts ? Parts(reader, parts) : defaults.Parts,
        };
    }

    private static ScanBenchPart Parts(OptionReader reader, string text)
    {
        var parts = ScanBenchPart.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<ScanBenchPart>(name, ignoreCase: true, out var part) && part != ScanBenchPart.None) parts |= part;
            else reader.Errors.Add($"--parts takes walk, rescan, rematch, layer or all, got '{name}'");
        }
        return parts;
    }

    // The test data sits beside the repository (../shared/testdata), as the test projects find it.
    private static string? LocateAdvisories()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "testdata", "advisories"), Path.Combine(dir.FullName, "..", "shared", "testdata", "advisories") })
                    if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
            }
        }
        return null;
    }
}
