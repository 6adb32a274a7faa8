using System.Text;
using Berth.Bench.Running;

namespace Berth.Bench.Reporting;

/// <summary>
/// The `compare-auth` report as markdown: per test one line per figure (req/s, MB/s where blobs moved,
/// p99), the four loads side by side, then the ratios the auth issue asks about.
/// </summary>
public static class AuthComparisonTable
{
    private static readonly (string Label, Func<TestResult, double> Value, bool Payload)[] Rows =
    [
        ("req/s", result => result.RequestsPerSecond, false),
        ("MB/s", result => result.MegabytesPerSecond, true),
        ("p99 ms", result => result.P99Ms, false),
    ];

    public static string Render(AuthComparisonReport report)
    {
        var text = new StringBuilder();
        text.AppendLine("| Test | Figure | Berth anon | Berth Basic | Berth Bearer | Dist Basic | Basic/anon | Bearer/anon | Basic/Dist | Bearer/Dist |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var anonymous in report.BerthAnonymous)
        {
            var basic = Find(report.BerthBasic, anonymous.Name);
            var bearer = Find(report.BerthBearer, anonymous.Name);
            var distribution = Find(report.DistributionBasic, anonymous.Name);
            TestResult?[] all = [anonymous, basic, bearer, distribution];
            var name = anonymous.Name;
            foreach (var (label, value, payload) in Rows)
            {
                // Manifest GETs move no blob bytes: their MB/s line would be dashes only.
                if (payload && all.All(result => result is null || result.MegabytesPerSecond <= 0))
                {
                    continue;
                }

                var format = label == "p99 ms" ? (Func<double, string>)Figures.Milliseconds : Figures.Rate;
                double Of(TestResult? result) => result is null ? double.NaN : value(result);
                text.Append($"| {name} | {label} | {string.Join(" | ", all.Select(result => format(Of(result))))} | ");
                text.Append($"{Figures.Ratio(Of(basic), Of(anonymous))} | {Figures.Ratio(Of(bearer), Of(anonymous))} | ");
                text.AppendLine($"{Figures.Ratio(Of(basic), Of(distribution))} | {Figures.Ratio(Of(bearer), Of(distribution))} |");
                name = string.Empty;
            }
        }

        text.AppendLine();
        text.AppendLine($"Median of {report.Runs} run(s), {report.Concurrency} workers, {report.ProcessorCount} cores. " +
            "Throughput ratios above 1 and p99 ratios below 1 favour the first-named load. " +
            "The target: Basic/anon and Bearer/anon at least 0.90× in req/s and MB/s; Basic/Dist and Bearer/Dist at least 1.00×.");
        ComparisonTable.AppendFailures(text, "Berth anonymous", report.BerthAnonymous);
        ComparisonTable.AppendFailures(text, "Berth Basic", report.BerthBasic);
        ComparisonTable.AppendFailures(text, "Berth Bearer", report.BerthBearer);
        ComparisonTable.AppendFailures(text, "Distribution Basic", report.DistributionBasic);
        return text.ToString();
    }

    private static TestResult? Find(IReadOnlyList<TestResult> results, string name) =>
        results.FirstOrDefault(result => result.Name == name);
}
