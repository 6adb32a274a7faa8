using Berth.Scanning.Advisories;

namespace Berth.Scanning.Reports.Formats;

/// <summary>Where a person reads about an advisory, by the database its id comes from (Trivy's PrimaryURL rule).</summary>
public static class AdvisoryLinks
{
    public static string? PrimaryUrl(string id)
    {
        if (id.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase)) return $"https://avd.aquasec.com/nvd/{id.ToLowerInvariant()}";
        if (id.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase)) return $"https://github.com/advisories/{id}";
        if (id.StartsWith("RUSTSEC-", StringComparison.OrdinalIgnoreCase)) return $"https://osv.dev/vulnerability/{id}";
        if (id.StartsWith("GO-", StringComparison.OrdinalIgnoreCase)) return $"https://pkg.go.dev/vuln/{id}";
        if (id.StartsWith("PYSEC-", StringComparison.OrdinalIgnoreCase)) return $"https://osv.dev/vulnerability/{id}";
        if (id.StartsWith("TEMP-", StringComparison.OrdinalIgnoreCase) || id.StartsWith("DSA-", StringComparison.OrdinalIgnoreCase)
            || id.StartsWith("DLA-", StringComparison.OrdinalIgnoreCase))
            return $"https://security-tracker.debian.org/tracker/{id}";
        return null;
    }

    /// <summary>The primary link of the id and of each alias, once each.</summary>
    public static IReadOnlyList<string> All(string id, IEnumerable<string> aliases) =>
        [.. new[] { id }.Concat(aliases).Select(PrimaryUrl).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The feed a finding came from, as Trivy names its data sources ("debian", "ghsa", "govulndb"…).</summary>
    public static string DataSourceId(string source) => source switch
    {
        _ when source == AdvisorySource.DebianTracker.Name => "debian",
        _ when source == AdvisorySource.AlpineSecdb.Name => "alpine",
        _ when source == AdvisorySource.GoVulnDb.Name => "govulndb",
        _ => source,
    };

    /// <summary>The feed's home page when it is one Berth imports.</summary>
    public static string? SourceUrl(string source) => AdvisorySource.Known.FirstOrDefault(s => s.Name == source)?.Url;
}
