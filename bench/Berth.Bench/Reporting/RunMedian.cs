using Berth.Bench.Running;

namespace Berth.Bench.Reporting;

/// <summary>
/// Folds repeated runs of the same suite into one result per test: the median of each figure (taken
/// separately), failure counts summed, so one noisy run on a shared 2-core box does not decide a ratio.
/// </summary>
public static class RunMedian
{
    public static IReadOnlyList<TestResult> Combine(IReadOnlyList<IReadOnlyList<TestResult>> runs)
    {
        if (runs.Count == 1)
        {
            return runs[0];
        }

        return runs[0]
            .Select(first =>
            {
                var same = runs.Select(run => run.FirstOrDefault(result => result.Name == first.Name)).OfType<TestResult>().ToList();
                return new TestResult(
                    first.Name,
                    same.Sum(result => result.Planned),
                    same.Sum(result => result.Ok),
                    same.Sum(result => result.Failed),
                    Median(same, result => result.Seconds),
                    Median(same, result => result.RequestsPerSecond),
                    Median(same, result => result.MegabytesPerSecond),
                    Median(same, result => result.P50Ms),
                    Median(same, result => result.P99Ms),
                    same.Sum(result => result.HttpRequests),
                    same.Select(result => result.FirstError).FirstOrDefault(error => error is not null));
            })
            .ToList();
    }

    private static double Median(List<TestResult> results, Func<TestResult, double> figure) =>
        Medians.Of(results.Select(figure).Where(value => !double.IsNaN(value)));
}
