using System.Text.RegularExpressions;
using Berth.Bench.Reporting;
using Berth.Bench.Running;
using Berth.Bench.Servers;
using Berth.Bench.Workload;

namespace Berth.Bench.Cli;

/// <summary>
/// `compare-auth`: what authentication costs. Per run, start a fresh Berth and a fresh Distribution with
/// htpasswd auth, then load Berth anonymously, with Basic and with Bearer tokens, and Distribution with
/// Basic — one at a time, in an order that rotates per run. Setup always pushes with --user. The report
/// holds the median of each figure over the runs.
/// </summary>
public static class CompareAuthCommand
{
    /// <summary>The read-only tests: an anonymous load can pull but not push.</summary>
    public static Regex DefaultTests { get; } = new(
        @"^(Manifest GET|Pull (\d+MB|Mixed))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>Requests per test of the unmeasured load each side gets before the measured ones.</summary>
    private const int WarmUpRequests = 100;

    public static async Task<int> ExecuteAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        if (SuiteRunner.Select(options).Count == 0)
        {
            Console.Error.WriteLine("no test matches --tests; see `list`");
            return 2;
        }

        Console.Error.WriteLine("preparing blob files …");
        using var blobs = await BlobWorkspace.PrepareAsync(options.WorkDirectory, options.Seed, cancellationToken);
        var markers = new MarkerSource();
        var runs = AuthSide.All.ToDictionary(side => side, _ => new List<IReadOnlyList<TestResult>>());

        for (var run = 1; run <= options.Runs; run++)
        {
            Console.Error.WriteLine($"run {run} of {options.Runs}: starting Berth and Distribution with htpasswd …");
            // Distribution first: a missing htpasswd tool then stops the run before Berth is started.
            await using var distribution = await DistributionServer.StartAsync(options.DistributionBinary, cancellationToken, options.Credentials);
            await using var berth = await BerthServer.StartAsync(options.BerthCommand!, cancellationToken);
            Console.Error.WriteLine($"Berth at {berth.BaseUri}, Distribution at {distribution.BaseUri}");

            // A fresh Berth compiles its code paths as the first loads arrive, so whichever mode came first was
            // slower (up to half the throughput on small pulls). Every side gets a short unmeasured load first,
            // in its own repositories, and the measured loads then compare warmed servers.
            foreach (var side in AuthSide.All)
            {
                var warmUp = options with { LoadAuth = side.Auth, Repository = $"{options.Repository}/warmup-{side.RepositoryFolder}", Requests = WarmUpRequests };
                await new SuiteRunner(warmUp, blobs, markers).RunAsync((side.OnDistribution ? distribution : berth).BaseUri, $"{side.Label} warm-up", cancellationToken);
            }

            // Each run starts one side further along, so no load always gets the cooler machine or the
            // client's colder code.
            for (var i = 0; i < AuthSide.All.Count; i++)
            {
                var side = AuthSide.All[(i + run - 1) % AuthSide.All.Count];
                var sideOptions = options with { LoadAuth = side.Auth, Repository = $"{options.Repository}/{side.RepositoryFolder}" };
                var suite = new SuiteRunner(sideOptions, blobs, markers);
                runs[side].Add(await SideRun.RunAsync(suite, side.OnDistribution ? distribution : berth, side.Label, cancellationToken));
            }
        }

        var report = new AuthComparisonReport(
            options.Runs,
            options.Concurrency,
            Environment.ProcessorCount,
            RunMedian.Combine(runs[AuthSide.BerthAnonymous]),
            RunMedian.Combine(runs[AuthSide.BerthBasic]),
            RunMedian.Combine(runs[AuthSide.BerthBearer]),
            RunMedian.Combine(runs[AuthSide.DistributionBasic]));
        Console.WriteLine(options.Output == OutputFormat.Json ? ReportJson.Serialize(report) : AuthComparisonTable.Render(report));
        return runs.Values.SelectMany(sideRuns => sideRuns).SelectMany(results => results).Any(result => result.Failed > 0) ? 1 : 0;
    }
}
