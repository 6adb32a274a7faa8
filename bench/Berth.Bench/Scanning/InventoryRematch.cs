using System.Diagnostics;
using Berth.Bench.Reporting;
using Berth.Scanning.Reports;

namespace Berth.Bench.Scanning;

/// <summary>
/// What an advisory import triggers: every stored report's inventory matched again against the store, one after the
/// other, reading no layer (<see cref="ImageScanner.RematchAsync"/>). The stored reports cycle through a few distinct
/// inventories, as a registry's do: many images share a base.
/// </summary>
public static class InventoryRematch
{
    public static async Task<RematchTiming> MeasureAsync(
        ImageScanner scanner, IReadOnlyList<ScanReport> distinct, int inventories, int runs, CancellationToken cancellationToken)
    {
        var stored = Enumerable.Range(0, inventories).Select(i => distinct[i % distinct.Count]).ToList();
        // Warm the JIT and the connection pool on one pass over the distinct inventories.
        foreach (var report in distinct) await scanner.RematchAsync(report, cancellationToken);

        var samples = new List<double>();
        long packages = 0, findings = 0;
        for (var run = 0; run < runs; run++)
        {
            packages = 0;
            findings = 0;
            var clock = Stopwatch.StartNew();
            foreach (var report in stored)
            {
                var again = await scanner.RematchAsync(report, cancellationToken);
                packages += again.Packages.Count;
                findings += again.Findings.Count;
            }
            samples.Add(clock.Elapsed.TotalSeconds);
            Console.Error.WriteLine($"  run {run + 1}/{runs}: {inventories} rematches in {clock.Elapsed.TotalSeconds:F2} s");
        }
        return new RematchTiming(inventories, Medians.Of(samples), packages, findings, runs);
    }
}
