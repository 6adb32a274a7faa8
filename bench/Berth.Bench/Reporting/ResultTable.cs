using System.Text;
using Berth.Bench.Running;

namespace Berth.Bench.Reporting;

/// <summary>The `run` report: one aligned line per test, then the first failure of each failing test.</summary>
public static class ResultTable
{
    public static string Render(IReadOnlyList<TestResult> results)
    {
        var nameWidth = Math.Max(4, results.Count == 0 ? 0 : results.Max(result => result.Name.Length));
        var text = new StringBuilder();
        text.AppendLine($"{"Test".PadRight(nameWidth)}  {"ok",6}  {"failed",6}  {"req/s",9}  {"MB/s",8}  {"p50 ms",8}  {"p99 ms",8}");
        text.AppendLine(new string('-', nameWidth + 60));
        foreach (var result in results)
        {
            text.AppendLine(
                $"{result.Name.PadRight(nameWidth)}  {result.Ok,6}  {result.Failed,6}  {Figures.Rate(result.RequestsPerSecond),9}  " +
                $"{Figures.Rate(result.MegabytesPerSecond),8}  {Figures.Milliseconds(result.P50Ms),8}  {Figures.Milliseconds(result.P99Ms),8}");
        }

        foreach (var result in results.Where(result => result.FirstError is not null))
        {
            text.AppendLine();
            text.AppendLine($"{result.Name}: first failure: {result.FirstError}");
        }

        return text.ToString();
    }
}
