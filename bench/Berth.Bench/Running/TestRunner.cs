using System.Diagnostics;
using Berth.Bench.Suite;

namespace Berth.Bench.Running;

/// <summary>
/// Runs one test: setup (with the setup client), priming, warm-up, then the timed iterations spread over the
/// workers. Bounded both ways: by the iteration count and by a wall-clock cap after which no new
/// iteration starts. Warm-up uses the load client, so a Bearer load has its tokens before the clock starts.
/// </summary>
public sealed class TestRunner(BenchContext context, int concurrency, int warmup, TimeSpan maxDuration, string? afterSetup = null)
{
    public async Task<TestResult> RunAsync(BenchTest test, int requests, CancellationToken cancellationToken)
    {
        var setup = await GuardedAsync(() => test.SetupAsync(context.ForSetup, cancellationToken), cancellationToken);
        if (!setup.Ok)
        {
            return TestResult.SetupFailed(test.Name, requests, setup.Error ?? "failed");
        }
        if (afterSetup is not null && await SetupHook.RunAsync(afterSetup, test.Name, cancellationToken) is { } hookError)
        {
            return TestResult.SetupFailed(test.Name, requests, hookError);
        }

        var primed = await GuardedAsync(() => test.PrimeAsync(context, cancellationToken), cancellationToken);
        if (!primed.Ok)
        {
            return TestResult.SetupFailed(test.Name, requests, primed.Error ?? "failed");
        }

        // Warm-up iterations take indices past the timed range, so they never shift the timed choices.
        for (var i = 0; i < warmup; i++)
        {
            await GuardedAsync(() => test.RunAsync(context, requests + i, cancellationToken), cancellationToken);
        }

        var samples = new LatencySamples(requests);
        var next = -1;
        var callsBefore = context.Registry.HttpCalls;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(maxDuration.TotalSeconds * Stopwatch.Frequency);

        async Task WorkAsync()
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var iteration = Interlocked.Increment(ref next);
                if (iteration >= requests)
                {
                    return;
                }

                var begun = Stopwatch.GetTimestamp();
                var outcome = await GuardedAsync(() => test.RunAsync(context, iteration, cancellationToken), cancellationToken);
                samples.Record(iteration, Stopwatch.GetTimestamp() - begun, outcome);
            }
        }

        var workers = Enumerable.Range(0, Math.Min(concurrency, requests)).Select(_ => Task.Run(WorkAsync, cancellationToken));
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        return TestResult.FromSamples(test.Name, requests, samples.Summarize(), seconds, context.Registry.HttpCalls - callsBefore);
    }

    // A load generator must outlive one odd reply: a bug surfacing in one iteration is counted as a
    // failure with its message, and the run goes on. Cancellation by the user still stops everything.
    private static async Task<IterationOutcome> GuardedAsync(Func<Task<IterationOutcome>> iteration, CancellationToken cancellationToken)
    {
        try
        {
            return await iteration();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return IterationOutcome.Failure($"unexpected {e.GetType().Name}: {e.Message}");
        }
    }
}
