using Berth.Bench.Running;
using Berth.Bench.Servers;

namespace Berth.Bench.Cli;

/// <summary>
/// One side of a comparison: write back dirty pages the previous side left, run the suite against one
/// started registry, and show the end of its log if anything failed.
/// </summary>
public static class SideRun
{
    private const int LogLinesOnFailure = 20;

    public static async Task<IReadOnlyList<TestResult>> RunAsync(SuiteRunner suite, ManagedRegistry registry, string label, CancellationToken cancellationToken)
    {
        await PageCacheFlush.RunAsync(cancellationToken);
        var results = await suite.RunAsync(registry.BaseUri, label, cancellationToken);
        if (results.Any(result => result.Failed > 0))
        {
            // The scratch directory, log included, is deleted with the server: show the log's end now.
            Console.Error.WriteLine($"[{label}] failures; last lines of {registry.Name}'s log:{Environment.NewLine}{registry.LogTail(LogLinesOnFailure)}");
        }

        return results;
    }
}
