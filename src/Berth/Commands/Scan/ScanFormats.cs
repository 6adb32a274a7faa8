using Berth.Scanning.Reports;

namespace Berth.Commands.Scan;

/// <summary>The report formats <c>--format</c> names.</summary>
internal static class ScanFormats
{
    public static readonly string[] Names = ["table", "json", "harbor", "cyclonedx", "spdx"];

    // The formats come from Berth.Scanning's ReportFormats registry (branch scan-formats), wired in when merged.
    public static IReportFormat? Find(string name) => null;

    public static string Unknown(string name) =>
        Names.Contains(name, StringComparer.Ordinal)
            ? $"the {name} format is not available in this build"
            : $"--format is '{name}'; expected one of {string.Join(", ", Names)}";
}
