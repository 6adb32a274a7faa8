using Berth.Scanning.Advisories;
using Berth.Scanning.Reports;

namespace Berth.Commands.Scan;

/// <summary>
/// <c>--severity LOW,HIGH,…</c>: the severities a report keeps. Findings at other severities are left out of
/// every format and do not count for <c>--exit-code</c>. Without the flag all severities are kept.
/// </summary>
internal sealed class SeverityFilter
{
    private readonly HashSet<Severity> _kept;

    private SeverityFilter(HashSet<Severity> kept) => _kept = kept;

    public static SeverityFilter All { get; } = new([.. Enum.GetValues<Severity>()]);

    public static bool TryParse(string? text, out SeverityFilter filter, out string error)
    {
        filter = All;
        error = "";
        if (text is null) return true;
        var kept = new HashSet<Severity>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<Severity>(name, ignoreCase: true, out var severity) || !Enum.IsDefined(severity) || int.TryParse(name, out _))
            {
                error = $"--severity lists '{name}'; expected a comma-separated list of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL";
                return false;
            }
            kept.Add(severity);
        }
        if (kept.Count == 0)
        {
            error = "--severity is empty; name at least one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL";
            return false;
        }
        filter = new SeverityFilter(kept);
        return true;
    }

    public ScanReport Apply(ScanReport report) => report with { Findings = [.. report.Findings.Where(finding => _kept.Contains(finding.Severity))] };
}
