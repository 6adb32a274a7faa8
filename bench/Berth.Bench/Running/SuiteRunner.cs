using Berth.Bench.Cli;
using Berth.Bench.Registry;
using Berth.Bench.Suite;
using Berth.Bench.Workload;

namespace Berth.Bench.Running;

/// <summary>Runs the selected tests, one after the other, against one registry.</summary>
public sealed class SuiteRunner(BenchOptions options, BlobWorkspace blobs, MarkerSource markers)
{
    public static IReadOnlyList<BenchTest> Select(BenchOptions options) =>
        TestCatalogue.Create().Where(test => options.Tests?.IsMatch(test.Name) ?? true).ToList();

    /// <summary>Runs the suite; <paramref name="label"/> prefixes the progress lines on stderr.</summary>
    public async Task<IReadOnlyList<TestResult>> RunAsync(Uri registry, string label, CancellationToken cancellationToken)
    {
        using var loadHttp = LoopbackHttpClient.Create(options.Concurrency, options.Credentials, options.LoadAuth, registry);
        var load = new RegistryClient(loadHttp, registry, options.RequestTimeout);

        // Setup always pushes with --user; under Basic load that is the load client itself, as before.
        using var setupHttp = options.LoadAuth == LoadAuth.Basic ? null : LoopbackHttpClient.Create(options.Concurrency, options.Credentials);
        var setup = setupHttp is null ? load : new RegistryClient(setupHttp, registry, options.RequestTimeout);

        var context = new BenchContext(load, setup, blobs, markers, options.Repository, options.ChunkMiB << 20, options.Seed);
        var runner = new TestRunner(context, options.Concurrency, options.Warmup, options.MaxTestDuration, options.AfterSetup);

        var results = new List<TestResult>();
        foreach (var test in Select(options))
        {
            var requests = options.Requests ?? test.DefaultRequests;
            Console.Error.Write($"[{label}] {test.Name} ({requests} × c{options.Concurrency}) … ");
            var result = await runner.RunAsync(test, requests, cancellationToken);
            Console.Error.WriteLine(Progress(result));
            results.Add(result);
        }

        return results;
    }

    private static string Progress(TestResult result)
    {
        var line = FormattableString.Invariant($"{result.Ok} ok, {result.Failed} failed, {result.RequestsPerSecond:0.0} req/s, {result.Seconds:0.0} s");
        if (result.NotRun > 0)
        {
            line += $", {result.NotRun} not run (time cap)";
        }

        return result.FirstError is null ? line : $"{line}{Environment.NewLine}    first failure: {result.FirstError}";
    }
}
