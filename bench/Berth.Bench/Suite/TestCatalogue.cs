using Berth.Bench.Scenarios;
using Berth.Bench.Workload;

namespace Berth.Bench.Suite;

/// <summary>
/// zb's tests, with its names and sizes, plus "Manifest GET by tag". Default iteration counts keep a
/// full run to a few minutes on 2 cores: fewer for the 100 MiB tests, many for the small GETs.
/// </summary>
public static class TestCatalogue
{
    private static readonly SizeMix PullMix = SizeMix.Of((BlobSize.OneMiB, 0.2), (BlobSize.TenMiB, 0.7), (BlobSize.HundredMiB, 0.1));
    private static readonly SizeMix EvenMix = SizeMix.Of((BlobSize.OneMiB, 1), (BlobSize.TenMiB, 1), (BlobSize.HundredMiB, 1));

    /// <summary>Fresh instances: tests keep setup state, so each run against each registry gets its own.</summary>
    public static IReadOnlyList<BenchTest> Create() =>
    [
        new GetCatalogTest(2000),
        new PushTest("Push Monolith 1MB", SizeMix.Only(BlobSize.OneMiB), LayerUpload.Monolith, 200),
        new PushTest("Push Monolith 10MB", SizeMix.Only(BlobSize.TenMiB), LayerUpload.Monolith, 100),
        new PushTest("Push Monolith 100MB", SizeMix.Only(BlobSize.HundredMiB), LayerUpload.Monolith, 20),
        new PushTest("Push Chunk Streamed 1MB", SizeMix.Only(BlobSize.OneMiB), LayerUpload.Chunked, 200),
        new PushTest("Push Chunk Streamed 10MB", SizeMix.Only(BlobSize.TenMiB), LayerUpload.Chunked, 100),
        new PushTest("Push Chunk Streamed 100MB", SizeMix.Only(BlobSize.HundredMiB), LayerUpload.Chunked, 20),
        new PullTest("Pull 1MB", SizeMix.Only(BlobSize.OneMiB), 1000),
        new PullTest("Pull 10MB", SizeMix.Only(BlobSize.TenMiB), 200),
        new PullTest("Pull 100MB", SizeMix.Only(BlobSize.HundredMiB), 40),
        new PullTest("Pull Mixed 20% 1MB, 70% 10MB, 10% 100MB", PullMix, 200),
        new PushTest("Push Monolith Mixed 20% 1MB, 70% 10MB, 10% 100MB", PullMix, LayerUpload.Monolith, 100),
        new PushTest("Push Chunk Mixed 33% 1MB, 33% 10MB, 33% 100MB", EvenMix, LayerUpload.Chunked, 60),
        new PullPushMixTest("Pull 75% and Push 25% Mixed 1MB", BlobSize.OneMiB, 0.75, 400),
        new PullPushMixTest("Pull 75% and Push 25% Mixed 10MB", BlobSize.TenMiB, 0.75, 200),
        new PullPushMixTest("Pull 75% and Push 25% Mixed 100MB", BlobSize.HundredMiB, 0.75, 40),
        new ManifestGetTest(20_000),
    ];
}
