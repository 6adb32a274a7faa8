namespace Berth.Bench.Scanning;

/// <summary>What `scan` measures and on which inputs.</summary>
public sealed record ScanBenchSettings
{
    /// <summary>Timing-sensitive parts run this often unless --runs says otherwise; each figure is the median.</summary>
    public const int DefaultRuns = 3;

    /// <summary>An OCI layout directory holding the images to scan.</summary>
    public string ImagesDirectory { get; init; } =
        Environment.GetEnvironmentVariable("BERTH_TEST_IMAGES") is { Length: > 0 } configured ? configured : "/tmp/berth-test-images";

    /// <summary>Tags in <see cref="ImagesDirectory"/>; the last one is the image the rematch part stores.</summary>
    public IReadOnlyList<string> Tags { get; init; } = ["debian-minbase", "debian-node"];

    /// <summary>Advisory sources to import (shared/testdata/advisories); null until located.</summary>
    public string? AdvisoriesDirectory { get; init; }

    /// <summary>How many stored inventories the rematch part re-matches.</summary>
    public int Inventories { get; init; } = 1000;

    /// <summary>Uncompressed size of the generated layer, in MiB; 0 skips that part.</summary>
    public int LayerMiB { get; init; } = 1024;

    public ScanBenchPart Parts { get; init; } = ScanBenchPart.All;
}
