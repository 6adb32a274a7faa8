using Berth.Scanning.Advisories;
using Berth.Scanning.Matching;

namespace Berth.Scanning.Reports;

/// <summary>
/// Counts of vulnerabilities by severity, as Harbor's scan overview shows them: the total, how many have
/// a fix, and the highest severity present (None when there are none).
/// </summary>
public sealed record SeveritySummary(int Total, int Fixable, IReadOnlyDictionary<Severity, int> BySeverity)
{
    public Severity? Highest => BySeverity.Where(pair => pair.Value > 0).Select(pair => (Severity?)pair.Key).Max();

    /// <summary>Only findings that are vulnerabilities count; RustSec notices (unmaintained, unsound) do not.</summary>
    public static SeveritySummary Of(IEnumerable<Finding> findings)
    {
        var vulnerabilities = findings.Where(finding => finding.IsVulnerability).ToList();
        var bySeverity = Enum.GetValues<Severity>().ToDictionary(severity => severity, severity => vulnerabilities.Count(f => f.Severity == severity));
        return new SeveritySummary(vulnerabilities.Count, vulnerabilities.Count(f => f.Fixable), bySeverity);
    }
}
