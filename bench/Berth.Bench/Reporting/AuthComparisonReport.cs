using Berth.Bench.Running;

namespace Berth.Bench.Reporting;

/// <summary>A `compare-auth`: the median figures of each of its four loads over the runs.</summary>
public sealed record AuthComparisonReport(
    int Runs,
    int Concurrency,
    int ProcessorCount,
    IReadOnlyList<TestResult> BerthAnonymous,
    IReadOnlyList<TestResult> BerthBasic,
    IReadOnlyList<TestResult> BerthBearer,
    IReadOnlyList<TestResult> DistributionBasic);
