namespace Berth.Core.Advisories;

/// <summary>
/// One advisory as it names one package in one ecosystem: the row the matcher looks up by
/// (<see cref="Ecosystem"/>, <see cref="Package"/>). The scanner owns the meaning of <see cref="Affected"/>
/// (ranges, versions, status as JSON); the database only keeps and indexes it.
/// </summary>
/// <param name="Id">Advisory id: CVE-…, GHSA-…, GO-…, RUSTSEC-…, PYSEC-…, TEMP-….</param>
/// <param name="Source">The feed it came from, e.g. "go-vulndb", "alpine-secdb"; names an <see cref="AdvisorySourceRecord"/>.</param>
/// <param name="Ecosystem">OSV ecosystem string: "Debian:12", "Alpine:v3.10", "Go", "crates.io", "PyPI".</param>
/// <param name="Package">Normalised package name (distro source package, PEP 503 name, Go module path…).</param>
/// <param name="Affected">Which versions are affected, as the scanner serialised it.</param>
/// <param name="Severity">Severity label: Unknown, Low, Medium, High or Critical.</param>
public sealed record AdvisoryRecord(
    string Id,
    string Source,
    string Ecosystem,
    string Package,
    string Affected,
    string Severity,
    string? CvssVector,
    double? CvssScore,
    string? Summary,
    IReadOnlyList<string> Aliases,
    DateTimeOffset? Published,
    DateTimeOffset? Modified);
