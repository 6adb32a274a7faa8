namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// Every report format by the name `berth scan --format` takes. The instances use defaults: a table without colour
/// (a terminal caller makes <c>new TableFormat(colors: true)</c>), a Harbor report without artifact context.
/// </summary>
public static class ReportFormats
{
    public static IReadOnlyList<IReportFormat> All { get; } =
        [new TableFormat(), new TrivyJsonFormat(), new HarborVulnerabilityReport(), new CycloneDxFormat(), new SpdxFormat()];

    /// <summary>The names in the order help lists them: table, json, harbor, cyclonedx, spdx.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(format => format.Name)];

    /// <summary>"table, json, harbor, cyclonedx, spdx", for help and for the error naming an unknown format.</summary>
    public static string NameList { get; } = string.Join(", ", Names);

    /// <summary>The format of that name, ignoring case; null when there is none.</summary>
    public static IReportFormat? Find(string? name) =>
        name is null ? null : All.FirstOrDefault(format => string.Equals(format.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
