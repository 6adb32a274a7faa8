namespace Berth.Scanning.Advisories;

/// <summary>A feed advisories come from, named as `vulndb status` lists it.</summary>
public sealed record AdvisorySource(string Name, string Url)
{
    public static AdvisorySource GoVulnDb { get; } = new("go-vulndb", "https://vuln.go.dev");

    public static AdvisorySource RustSec { get; } = new("rustsec", "https://rustsec.org");

    public static AdvisorySource PyPA { get; } = new("pypa", "https://github.com/pypa/advisory-database");

    public static AdvisorySource Ghsa { get; } = new("ghsa", "https://github.com/advisories");

    public static AdvisorySource Osv { get; } = new("osv", "https://osv.dev");

    public static AdvisorySource AlpineSecdb { get; } = new("alpine-secdb", "https://secdb.alpinelinux.org/");

    public static AdvisorySource DebianTracker { get; } = new("debian-security-tracker", "https://security-tracker.debian.org/tracker/");

    public static IReadOnlyList<AdvisorySource> Known { get; } = [GoVulnDb, RustSec, PyPA, Ghsa, Osv, AlpineSecdb, DebianTracker];

    /// <summary>The feed an OSV record belongs to, by the id prefix each database allocates from.</summary>
    public static AdvisorySource ForOsvId(string id) =>
        id.StartsWith("GO-", StringComparison.Ordinal) ? GoVulnDb
        : id.StartsWith("RUSTSEC-", StringComparison.Ordinal) ? RustSec
        : id.StartsWith("PYSEC-", StringComparison.Ordinal) ? PyPA
        : id.StartsWith("GHSA-", StringComparison.Ordinal) ? Ghsa
        : Osv;
}
