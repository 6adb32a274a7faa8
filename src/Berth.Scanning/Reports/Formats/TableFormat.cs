using System.Text;
using Berth.Scanning.Advisories;
using Berth.Scanning.Matching;

namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// The report for people, as `berth scan` prints it by default: the image, its OS and the counts per severity, then
/// per target a table of its vulnerabilities (highest severity first), then what the scan could not check.
/// </summary>
/// <param name="colors">Colour the severities with ANSI codes (for a terminal; never for a file or a pipe).</param>
public sealed class TableFormat(bool colors = false) : IReportFormat
{
    private const int TitleWidth = 60;

    private static readonly string[] Headers = ["Library", "Vulnerability", "Severity", "Status", "Installed", "Fixed", "Title"];

    public string Name => "table";

    public string MediaType => "text/plain; charset=utf-8";

    public async Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        foreach (var line in Lines(report))
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private IEnumerable<string> Lines(ScanReport report)
    {
        yield return $"Image: {report.Image.Name}";
        if (report.Image.ManifestDigest is { } digest) yield return $"Digest: {digest}";
        yield return $"OS: {(report.OperatingSystem is { } os ? $"{os.Family} {os.Version}" : "unknown")}";
        yield return $"Packages: {report.Packages.Count}";
        yield return Counts(report.Findings);

        foreach (var target in ReportTargets.Of(report))
        {
            yield return "";
            var heading = target.Class == ReportTarget.OsPackages ? target.Name : $"{target.Name} ({target.Type})";
            yield return heading;
            yield return new string('=', heading.Length);
            yield return Counts(target.Findings);
            if (target.Findings.Count == 0) continue;
            yield return "";
            var table = new TextTable(Headers);
            foreach (var finding in target.Findings
                         .OrderByDescending(f => f.Severity)
                         .ThenBy(f => f.PackageName, StringComparer.Ordinal)
                         .ThenBy(f => f.AdvisoryId, StringComparer.Ordinal))
                table.Add(Row(finding));
            foreach (var line in table.Lines()) yield return line;
        }

        var warnings = report.Warnings.ToList();
        if (warnings.Count == 0) yield break;
        yield return "";
        yield return $"Warnings ({warnings.Count}):";
        foreach (var warning in warnings) yield return $"  - {warning}";
    }

    /// <summary>"Total: 5 (UNKNOWN: 0, LOW: 2, MEDIUM: 0, HIGH: 2, CRITICAL: 1)", as Trivy counts a target.</summary>
    private static string Counts(IReadOnlyList<Finding> findings)
    {
        var counts = Enum.GetValues<Severity>().Select(s => $"{SeverityNames.Trivy(s)}: {findings.Count(f => f.Severity == s)}");
        return $"Total: {findings.Count} ({string.Join(", ", counts)})";
    }

    private (string, string?, string?)[] Row(Finding finding)
    {
        var title = (finding.Informational is { } notice ? $"[{notice}] " : "") + (finding.Summary ?? AdvisoryLinks.PrimaryUrl(finding.AdvisoryId) ?? "");
        title = title.ReplaceLineEndings(" ");
        if (title.Length > TitleWidth) title = title[..(TitleWidth - 1)] + "…";
        var severity = SeverityNames.Trivy(finding.Severity);
        return
        [
            (finding.PackageName, null, null),
            (finding.AdvisoryId, null, null),
            (severity, colors ? Color(finding.Severity) : null, colors ? "\u001b[0m" : null),
            (StatusNames.Of(finding.Status), null, null),
            (finding.InstalledVersion, null, null),
            (string.Join(", ", finding.FixedVersions), null, null),
            (title, null, null),
        ];
    }

    private static string Color(Severity severity) => severity switch
    {
        Severity.Critical => "\u001b[1;31m",
        Severity.High => "\u001b[31m",
        Severity.Medium => "\u001b[33m",
        Severity.Low => "\u001b[34m",
        _ => "\u001b[37m",
    };
}
