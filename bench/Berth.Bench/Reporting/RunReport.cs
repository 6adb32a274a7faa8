using Berth.Bench.Running;

namespace Berth.Bench.Reporting;

/// <summary>The JSON form of a `run`.</summary>
public sealed record RunReport(string Registry, int Concurrency, int ProcessorCount, IReadOnlyList<TestResult> Results);
