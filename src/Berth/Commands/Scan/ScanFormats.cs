using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;

namespace Berth.Commands.Scan;

/// <summary>The report formats <c>--format</c> names, from Berth.Scanning's formats.</summary>
internal static class ScanFormats
{
    public static readonly string[] Names = ["table", "json", "harbor", "cyclonedx", "spdx"];

    /// <param name="toTerminal">The report goes to a terminal, so the table may be coloured (unless NO_COLOR is set).</param>
    public static IReportFormat? Find(string name, bool toTerminal) => name switch
    {
        "table" => new TableFormat(colors: toTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null or ""),
        "json" => new TrivyJsonFormat(),
        "harbor" => new HarborVulnerabilityReport(),
        "cyclonedx" => new CycloneDxFormat(),
        "spdx" => new SpdxFormat(),
        _ => null,
    };

    public static string Unknown(string name) =>
        Names.Contains(name, StringComparer.Ordinal)
            ? $"the {name} format is not available in this build"
            : $"--format is '{name}'; expected one of {string.Join(", ", Names)}";
}
