using Berth.Scanning.Advisories.Importers;

namespace Berth.Commands.Vulndb;

/// <summary>What an import prints: the counts per feed on stdout, each file that failed on stderr.</summary>
internal static class ImportSummary
{
    /// <param name="displayName">How to show a path in messages (a downloaded file is shown as its URL).</param>
    public static void Print(AdvisoryImportResult result, string verb, Func<string, string> displayName, TextWriter output, TextWriter errors)
    {
        output.WriteLine(
            $"imported {result.Advisories} advisories ({result.Rows} rows) from {result.Documents} documents; "
            + $"{result.Withdrawn} withdrawn, {result.Skipped} files skipped, {result.Unrecognised.Count} not in an advisory format, {result.Errors.Count} errors");
        if (result.BySource.Count > 0)
        {
            var width = result.BySource.Keys.Max(name => name.Length);
            foreach (var (source, count) in result.BySource.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                output.WriteLine($"  {source.PadRight(width)}  {count}");
        }
        foreach (var path in result.Unrecognised) errors.WriteLine($"berth vulndb {verb}: {displayName(path)}: not an advisory format berth reads (skipped)");
        foreach (var problem in result.Errors) errors.WriteLine($"berth vulndb {verb}: {displayName(problem.Path)}: {problem.Message}");
    }
}
