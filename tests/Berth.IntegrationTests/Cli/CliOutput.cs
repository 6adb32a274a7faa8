using System.Text.RegularExpressions;

namespace Berth.IntegrationTests.Cli;

/// <summary>Reads the counts <c>berth vulndb import|update</c> prints, one "  FEED  COUNT" line per feed.</summary>
public static partial class CliOutput
{
    [GeneratedRegex(@"^  (?<source>[a-z0-9.-]+)\s+(?<count>\d+)$", RegexOptions.Multiline)]
    private static partial Regex SourceLine();

    public static IReadOnlyDictionary<string, int> CountsBySource(string output) =>
        SourceLine().Matches(output.ReplaceLineEndings("\n")).ToDictionary(m => m.Groups["source"].Value, m => int.Parse(m.Groups["count"].Value));

    public static IReadOnlyList<string> Lines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
