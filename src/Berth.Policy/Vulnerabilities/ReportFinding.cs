namespace Berth.Policy.Vulnerabilities;

/// <summary>
/// What pull prevention needs of one finding of a stored report: the vulnerability id the report shows, the ids it
/// is also known by (an allowlisted alias exempts it too), and Harbor's code of its severity.
/// </summary>
public sealed record ReportFinding(string Id, IReadOnlyList<string> Aliases, int SeverityCode);
