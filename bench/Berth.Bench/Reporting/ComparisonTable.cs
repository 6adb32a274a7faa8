using System.Text;
using Berth.Bench.Running;

namespace Berth.Bench.Reporting;

/// <summary>
/// The `compare` report as markdown: Distribution's and Berth's figures side by side, then the ratios.
/// Throughput ratio above 1 and p99 ratio below 1 mean Berth is ahead.
/// </summary>
public static class ComparisonTable
{
    public static string Render(IReadOnlyList<TestResult> distribution, IReadOnlyList<TestResult> berth)
    {
        var berthByName = berth.ToDictionary(result => result.Name);
        var text = new StringBuilder();
        text.AppendLine("| Test | Dist req/s | Dist MB/s | Dist p50 ms | Dist p99 ms | Berth req/s | Berth MB/s | Berth p50 ms | Berth p99 ms | Berth/Dist throughput | Berth/Dist p99 |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var left in distribution)
        {
            var right = berthByName.GetValueOrDefault(left.Name);
            text.Append($"| {left.Name} | {Cells(left)} | ");
            text.Append(right is null ? "- | - | - | -" : Cells(right));
            text.Append(" | ");
            text.Append(right is null ? "-" : Figures.Ratio(right.RequestsPerSecond, left.RequestsPerSecond));
            text.Append(" | ");
            text.Append(right is null ? "-" : Figures.Ratio(right.P99Ms, left.P99Ms));
            text.AppendLine(" |");
        }

        AppendFailures(text, "Distribution", distribution);
        AppendFailures(text, "Berth", berth);
        return text.ToString();
    }

    private static string Cells(TestResult result) =>
        $"{Figures.Rate(result.RequestsPerSecond)} | {Figures.Rate(result.MegabytesPerSecond)} | {Figures.Milliseconds(result.P50Ms)} | {Figures.Milliseconds(result.P99Ms)}";

    /// <summary>A line per test of <paramref name="side"/> that had failures or hit its time cap.</summary>
    public static void AppendFailures(StringBuilder text, string side, IReadOnlyList<TestResult> results)
    {
        foreach (var result in results.Where(result => result.Failed > 0 || result.NotRun > 0))
        {
            text.AppendLine();
            text.Append($"- {side}, {result.Name}: {result.Failed} of {result.Planned} failed");
            if (result.NotRun > 0)
            {
                text.Append($", {result.NotRun} not run (time cap)");
            }

            text.AppendLine(result.FirstError is null ? "." : $"; first failure: `{result.FirstError}`");
        }
    }
}
