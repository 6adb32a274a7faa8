using System.Text;

namespace Berth.Bench.Scanning;

/// <summary>The scanner figures as a markdown table, each with its goal and pass/fail.</summary>
public static class GoalTable
{
    public static string Render(IEnumerable<GoalRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| Figure | Measured | Goal | Result |");
        text.AppendLine("|---|--:|---|---|");
        foreach (var row in rows)
        {
            var result = row.Pass switch
            {
                true => "pass",
                false => "**FAIL**",
                null => "",
            };
            text.AppendLine($"| {row.Figure} | {row.Measured} | {row.Goal} | {result} |");
        }
        return text.ToString();
    }
}
