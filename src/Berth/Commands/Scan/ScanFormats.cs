using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;

namespace Berth.Commands.Scan;

/// <summary>The report format <c>--format</c> names, from Berth.Scanning's <see cref="ReportFormats"/>.</summary>
internal static class ScanFormats
{
    /// <param name="toTerminal">The report goes to a terminal, so the table is coloured (unless NO_COLOR is set).</param>
    public static IReportFormat? Find(string name, bool toTerminal) => ReportFormats.Find(name) switch
    {
        TableFormat when toTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null or "" => new TableFormat(colors: true),
        var format => format,
    };

    public static string Unknown(string name) => $"--format is '{name}'; expected one of {ReportFormats.NameList}";
}
