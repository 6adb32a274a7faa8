namespace Berth.Bench.Running;

/// <summary>
/// One test's figures. A "request" is one iteration, as in zb: a whole image push or pull, or one GET
/// for the catalog and manifest tests. Rates count successful iterations over the timed wall clock;
/// MB/s is 10^6 bytes of blob payload per second. Latencies are of successful iterations only.
/// </summary>
public sealed record TestResult(
    string Name,
    int Planned,
    int Ok,
    int Failed,
    double Seconds,
    double RequestsPerSecond,
    double MegabytesPerSecond,
    double P50Ms,
    double P99Ms,
    long HttpRequests,
    string? FirstError)
{
    /// <summary>Iterations never started because the test hit its time cap.</summary>
    public int NotRun => Planned - Ok - Failed;

    public static TestResult FromSamples(string name, int planned, SampleSummary summary, double seconds, long httpRequests)
    {
        var rate = seconds > 0 ? summary.Ok / seconds : 0;
        var megabytes = seconds > 0 ? summary.PayloadBytes / seconds / 1e6 : 0;
        return new TestResult(name, planned, summary.Ok, summary.Failed, seconds, rate, megabytes, summary.P50Ms, summary.P99Ms, httpRequests, summary.FirstError);
    }

    public static TestResult SetupFailed(string name, int planned, string error) =>
        new(name, planned, 0, planned, 0, 0, 0, double.NaN, double.NaN, 0, $"setup: {error}");
}
