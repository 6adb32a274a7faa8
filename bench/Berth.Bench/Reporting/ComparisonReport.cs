using Berth.Bench.Running;

namespace Berth.Bench.Reporting;

/// <summary>The JSON form of a `compare`: median figures of each side over the runs.</summary>
public sealed record ComparisonReport(int Runs, int Concurrency, int ProcessorCount, IReadOnlyList<TestResult> Distribution, IReadOnlyList<TestResult> Berth);
