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

    /// <summary>Ubuntu's CVE tracker, as aquasecurity/vuln-list mirrors it (one JSON file per CVE).</summary>
    public static AdvisorySource UbuntuTracker { get; } = new("ubuntu-cve-tracker", "https://ubuntu.com/security/cves");

    /// <summary>Ubuntu's own OSV records (USN-…, UBUNTU-CVE-…).</summary>
    public static AdvisorySource Ubuntu { get; } = new("ubuntu", "https://ubuntu.com/security/notices");

    public static AdvisorySource AlmaLinux { get; } = new("almalinux", "https://errata.almalinux.org/");

    public static AdvisorySource RockyLinux { get; } = new("rocky-linux", "https://errata.rockylinux.org/");

    public static AdvisorySource RedHat { get; } = new("redhat", "https://access.redhat.com/security/data/osv/");

    public static AdvisorySource Suse { get; } = new("suse", "https://ftp.suse.com/pub/projects/security/osv/");

    public static AdvisorySource AzureLinux { get; } = new("azure-linux", "https://github.com/microsoft/AzureLinuxVulnerabilityData");

    public static AdvisorySource PhotonOs { get; } = new("photon", "https://github.com/vmware/photon/wiki/Security-Advisories");

    public static IReadOnlyList<AdvisorySource> Known { get; } =
    [
        GoVulnDb, RustSec, PyPA, Ghsa, Osv, AlpineSecdb, DebianTracker, UbuntuTracker, Ubuntu, AlmaLinux, RockyLinux, RedHat, Suse, AzureLinux, PhotonOs,
    ];

    // Each distribution allocates OSV ids from its own prefixes (ALSA/ALBA/ALEA, RLSA/RLBA/RXSA, RHSA/RHBA/RHEA, …).
    private static readonly (string Prefix, AdvisorySource Source)[] OsvPrefixes =
    [
        ("GO-", GoVulnDb), ("RUSTSEC-", RustSec), ("PYSEC-", PyPA), ("GHSA-", Ghsa),
        ("ALSA-", AlmaLinux), ("ALBA-", AlmaLinux), ("ALEA-", AlmaLinux),
        ("RLSA-", RockyLinux), ("RLBA-", RockyLinux), ("RLEA-", RockyLinux), ("RXSA-", RockyLinux),
        ("RHSA-", RedHat), ("RHBA-", RedHat), ("RHEA-", RedHat),
        ("SUSE-", Suse), ("openSUSE-", Suse),
        ("USN-", Ubuntu), ("UBUNTU-", Ubuntu), ("LSN-", Ubuntu),
        ("AZL-", AzureLinux), ("PHSA-", PhotonOs),
    ];

    /// <summary>The feed an OSV record belongs to, by the id prefix each database allocates from.</summary>
    public static AdvisorySource ForOsvId(string id)
    {
        foreach (var (prefix, source) in OsvPrefixes)
            if (id.StartsWith(prefix, StringComparison.Ordinal)) return source;
        return Osv;
    }
}
