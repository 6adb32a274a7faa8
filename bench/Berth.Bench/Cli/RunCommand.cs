using Berth.Bench.Reporting;
using Berth.Bench.Running;
using Berth.Bench.Workload;

namespace Berth.Bench.Cli;

/// <summary>`run`: the suite against a registry someone else started.</summary>
public static class RunCommand
{
    public static async Task<int> ExecuteAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var url = options.Url!;
        if (SuiteRunner.Select(options).Count == 0)
        {
            Console.Error.WriteLine("no test matches --tests; see `list`");
            return 2;
        }

        Console.Error.WriteLine("preparing blob files …");
        using var blobs = await BlobWorkspace.PrepareAsync(options.WorkDirectory, options.Seed, cancellationToken);
        var suite = new SuiteRunner(options, blobs, new MarkerSource());
        var results = await suite.RunAsync(url, url.Authority, cancellationToken);

        Console.WriteLine(options.Output == OutputFormat.Json
            ? ReportJson.Serialize(new RunReport(url.ToString(), options.Concurrency, Environment.ProcessorCount, results))
            : ResultTable.Render(results));
        return results.Any(result => result.Failed > 0) ? 1 : 0;
    }
}
