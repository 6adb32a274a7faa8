using Berth.Core.Advisories;
using Berth.Scanning.Advisories;
using Berth.Scanning.Packages;
using Berth.Scanning.Versions;

namespace Berth.Scanning.Matching;

/// <summary>
/// Finds the advisories that apply to a list of installed packages. OS packages are looked up in their
/// distribution's release buckets (<see cref="AdvisoryEcosystems.ForOs"/>) by SOURCE package name (and by binary
/// name too where the feed may name binaries) and compared by source version with the distro's
/// version rules; packages from third-party repositories are not (the distro's advisories do not cover
/// them). Language packages are looked up by ecosystem and normalised name. Versions are compared with
/// the ecosystem's <see cref="IVersionScheme"/>.
/// </summary>
/// <param name="schemes">The version scheme for an ecosystem, or null when there is none.</param>
public sealed class AdvisoryMatcher(IAdvisoryStore store, Func<Ecosystem, IVersionScheme?> schemes)
{
    /// <summary>A matcher using each ecosystem's scheme from <see cref="VersionSchemes"/>.</summary>
    public AdvisoryMatcher(IAdvisoryStore store)
        : this(store, VersionSchemes.For)
    {
    }

    private sealed record Query(int Listed, Package Package, AdvisoryKey Key, string Version, IVersionScheme Scheme);

    public async Task<MatchResult> MatchAsync(OsRelease? os, IReadOnlyList<Package> packages, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var queries = new List<Query>();
        for (var i = 0; i < packages.Count; i++) AddQueries(i, os, packages[i], queries, warnings);

        var records = await store.FindAsync([.. queries.Select(q => q.Key).Distinct()], cancellationToken);
        var byKey = records.ToLookup(r => new AdvisoryKey(r.Ecosystem, r.Package));
        var parsed = new Dictionary<AdvisoryRecord, IReadOnlyList<AffectedPackage>?>(ReferenceEqualityComparer.Instance);

        // A package looked up in several buckets (Red Hat's BaseOS and AppStream) or by two names (source and
        // binary) can meet one advisory more than once: it is one finding, the first fixable one if any.
        var findings = new List<Finding>();
        var seen = new Dictionary<(int, string), int>();
        foreach (var query in queries)
        {
            foreach (var record in byKey[query.Key])
            {
                if (!parsed.TryGetValue(record, out var entries)) parsed[record] = entries = AffectedPackageJson.Deserialize(record.Affected);
                if (entries is null)
                {
                    warnings.Add($"{record.Id} for {record.Package} ({record.Ecosystem}): unreadable affected data; re-import the advisories");
                    continue;
                }
                if (Evaluate(query, record, entries) is not { } finding) continue;
                if (!seen.TryGetValue((query.Listed, record.Id), out var index))
                {
                    seen[(query.Listed, record.Id)] = findings.Count;
                    findings.Add(finding);
                }
                else if (!findings[index].Fixable && finding.Fixable)
                {
                    findings[index] = finding;
                }
            }
        }
        return new MatchResult(findings, warnings.Distinct().ToList());
    }

    private static Finding? Evaluate(Query query, AdvisoryRecord record, IReadOnlyList<AffectedPackage> entries)
    {
        var hits = entries.Where(e => AffectedVersions.IsAffected(e, query.Version, query.Scheme)).ToList();
        if (hits.Count == 0) return null;

        var fixes = hits.SelectMany(e => AffectedVersions.FixesAbove(e, query.Version, query.Scheme))
            .Distinct(StringComparer.Ordinal).Order(Comparer<string>.Create(query.Scheme.Compare)).ToList();
        var status = fixes.Count > 0 ? AdvisoryStatus.Fixed : hits.Select(e => e.Status).FirstOrDefault(s => s is not null) ?? AdvisoryStatus.Affected;
        var package = query.Package;
        return new Finding
        {
            AdvisoryId = record.Id,
            Aliases = record.Aliases,
            PackageName = package.Name,
            AdvisoryPackage = record.Package,
            Ecosystem = record.Ecosystem,
            InstalledVersion = package.Version,
            ComparedVersion = query.Version == package.Version ? null : query.Version,
            FixedVersions = fixes,
            Severity = Enum.TryParse<Severity>(record.Severity, out var severity) ? severity : Severity.Unknown,
            CvssVector = record.CvssVector,
            CvssScore = record.CvssScore,
            Status = status,
            Informational = hits.Select(e => e.Informational).FirstOrDefault(i => i is not null),
            Summary = record.Summary,
            Source = record.Source,
            LayerDiffId = package.LayerDiffId,
            FilePath = package.FilePath,
        };
    }

    private void AddQueries(int listed, OsRelease? os, Package package, List<Query> queries, List<string> warnings)
    {
        if (AdvisoryEcosystems.ForLanguage(package.Ecosystem) is { } language)
        {
            var version = package.Version.Trim();
            // A project's own root (go.mod's module) is listed without a version: it is the code scanned, not a
            // release an advisory could name, so it is passed over without a warning.
            if (version.Length == 0) return;
            var name = PackageNames.Normalise(language, package.Name);
            if (package.Ecosystem == Ecosystem.Go)
            {
                // The go command's own module concerns building, not a compiled binary's behaviour.
                if (name == "toolchain") return;
                // Binaries and go.mod write "v1.2.3" / "go1.22.5"; vulndb writes "1.2.3".
                version = version.StartsWith("go", StringComparison.Ordinal) ? version[2..] : version.TrimStart('v');
            }
            if (Checked(package, version, warnings) is { } scheme) queries.Add(new Query(listed, package, new AdvisoryKey(language, name), version, scheme));
            return;
        }

        if (package.ThirdParty) return;
        if (os is null)
        {
            warnings.Add($"{package.Ecosystem} packages were not checked: the image's operating system is unknown");
            return;
        }
        var buckets = AdvisoryEcosystems.ForOs(os, package.Ecosystem);
        if (buckets.Count == 0)
        {
            warnings.Add($"{package.Ecosystem} packages on {os.Family} {os.Version} were not checked: no advisories for that release");
            return;
        }
        var sourceVersion = (package.SourceVersion ?? package.Version).Trim();
        var sourceScheme = Checked(package, sourceVersion, warnings);
        var binaryVersion = package.Version.Trim();
        var binaryScheme = package.SourceName is not null && buckets.Any(b => b.BinaryNames) ? Checked(package, binaryVersion, warnings) : null;
        foreach (var bucket in buckets)
        {
            if (sourceScheme is not null)
                queries.Add(new Query(listed, package, new AdvisoryKey(bucket.Ecosystem, PackageNames.Normalise(bucket.Ecosystem, package.SourceName ?? package.Name)), sourceVersion, sourceScheme));
            if (bucket.BinaryNames && binaryScheme is not null)
                queries.Add(new Query(listed, package, new AdvisoryKey(bucket.Ecosystem, PackageNames.Normalise(bucket.Ecosystem, package.Name)), binaryVersion, binaryScheme));
        }
    }

    /// <summary>The scheme to compare <paramref name="version"/> with, or null (with a warning) when it cannot be checked.</summary>
    private IVersionScheme? Checked(Package package, string version, List<string> warnings)
    {
        if (schemes(package.Ecosystem) is not { } scheme)
        {
            warnings.Add($"{package.Ecosystem} packages were not checked: no version scheme for the ecosystem");
            return null;
        }
        if (!scheme.IsValid(version))
        {
            warnings.Add($"{package.Name} {version}: not a valid {scheme.Name} version, not checked");
            return null;
        }
        return scheme;
    }
}
