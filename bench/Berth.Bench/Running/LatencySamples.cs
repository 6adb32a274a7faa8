using System.Diagnostics;

namespace Berth.Bench.Running;

/// <summary>
/// One slot per planned iteration, written by whichever worker ran it, so recording needs no lock.
/// Percentiles are exact (nearest rank over the sorted successful latencies).
/// </summary>
public sealed class LatencySamples(int capacity)
{
    private readonly long[] ticks = new long[capacity];
    private readonly IterationOutcome?[] outcomes = new IterationOutcome?[capacity];

    public void Record(int iteration, long elapsedTicks, IterationOutcome outcome)
    {
        ticks[iteration] = elapsedTicks;
        outcomes[iteration] = outcome;
    }

    public SampleSummary Summarize()
    {
        var okTicks = new List<long>(capacity);
        var failed = 0;
        long payload = 0;
        string? firstError = null;
        for (var i = 0; i < capacity; i++)
        {
            if (outcomes[i] is not { } outcome)
            {
                continue;
            }

            if (outcome.Ok)
            {
                okTicks.Add(ticks[i]);
                payload += outcome.PayloadBytes;
            }
            else
            {
                failed++;
                firstError ??= outcome.Error;
            }
        }

        okTicks.Sort();
        return new SampleSummary(okTicks.Count, failed, payload, PercentileMs(okTicks, 0.50), PercentileMs(okTicks, 0.99), firstError);
    }

    private static double PercentileMs(List<long> sorted, double fraction)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        var index = Math.Clamp(rank - 1, 0, sorted.Count - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }
}
