using Berth.Bench.Reporting;
using Berth.Bench.Running;
using Berth.Bench.Servers;
using Berth.Bench.Workload;

namespace Berth.Bench.Cli;

/// <summary>
/// `compare`: per run, start a fresh Distribution and a fresh Berth, check both answer, load one then
/// the other (never both at once), stop both and delete their data. The report holds the median of
/// each figure over the runs.
/// </summary>
public static class CompareCommand
{
    public static async Task<int> ExecuteAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        if (SuiteRunner.Select(options).Count == 0)
        {
            Console.Error.WriteLine("no test matches --tests; see `list`");
            return 2;
        }

        Console.Error.WriteLine("preparing blob files …");
        using var blobs = await BlobWorkspace.PrepareAsync(options.WorkDirectory, options.Seed, cancellationToken);
        var suite = new SuiteRunner(options, blobs, new MarkerSource());
        var distributionRuns = new List<IReadOnlyList<TestResult>>();
        var berthRuns = new List<IReadOnlyList<TestResult>>();

        for (var run = 1; run <= options.Runs; run++)
        {
            Console.Error.WriteLine($"run {run} of {options.Runs}: starting Distribution and Berth …");
            await using var distribution = await DistributionServer.StartAsync(options.DistributionBinary, cancellationToken);
            await using var berth = await BerthServer.StartAsync(options.BerthCommand!, cancellationToken);
            Console.Error.WriteLine($"Distribution at {distribution.BaseUri}, Berth at {berth.BaseUri}");

            // Odd runs load Distribution first, even runs Berth first, so neither side always gets the
            // cooler machine or the client's better-warmed code.
            if (run % 2 == 1)
            {
                distributionRuns.Add(await SideRun.RunAsync(suite, distribution, distribution.Name, cancellationToken));
                berthRuns.Add(await SideRun.RunAsync(suite, berth, berth.Name, cancellationToken));
            }
            else
            {
                berthRuns.Add(await SideRun.RunAsync(suite, berth, berth.Name, cancellationToken));
                distributionRuns.Add(await SideRun.RunAsync(suite, distribution, distribution.Name, cancellationToken));
            }
        }

        var distributionResults = RunMedian.Combine(distributionRuns);
        var berthResults = RunMedian.Combine(berthRuns);
        Console.WriteLine(options.Output == OutputFormat.Json
            ? ReportJson.Serialize(new ComparisonReport(options.Runs, options.Concurrency, Environment.ProcessorCount, distributionResults, berthResults))
            : ComparisonTable.Render(distributionResults, berthResults));
        return distributionResults.Concat(berthResults).Any(result => result.Failed > 0) ? 1 : 0;
    }
}
