using Berth.Scanning.Advisories;
using Berth.Scanning.Versions;

namespace Berth.Scanning.Matching;

/// <summary>
/// OSV's affected-version evaluation (osv-schema "Evaluation"): a version is affected when it is listed in
/// <c>versions</c>, or when some SEMVER/ECOSYSTEM range, its events sorted by version with "0" lowest, leaves
/// it affected after the walk — introduced sets, fixed (≥) clears, last_affected (&gt;) clears — and it lies
/// below a limit when the range has any. GIT ranges need a commit graph and are ignored.
/// </summary>
public static class AffectedVersions
{
    public static bool IsAffected(AffectedPackage entry, string version, IVersionScheme scheme)
    {
        if (entry.Versions.Any(listed => SameVersion(listed, version, scheme))) return true;
        return entry.Ranges.Any(range => IsAffected(range, version, scheme));
    }

    public static bool IsAffected(AffectedRange range, string version, IVersionScheme scheme)
    {
        if (range.Type == RangeType.Git) return false;
        var limits = range.Events.Where(e => e.Kind == RangeEventKind.Limit).ToList();
        if (limits.Count > 0 && !limits.Any(l => l.Version == "*" || scheme.IsValid(l.Version) && scheme.Compare(version, l.Version) < 0)) return false;

        var affected = false;
        foreach (var e in Sorted(range, scheme))
        {
            switch (e.Kind)
            {
                case RangeEventKind.Introduced when IsZero(e) || scheme.Compare(version, e.Version) >= 0:
                    affected = true;
                    break;
                case RangeEventKind.Fixed when scheme.Compare(version, e.Version) >= 0:
                case RangeEventKind.LastAffected when scheme.Compare(version, e.Version) > 0:
                    affected = false;
                    break;
            }
        }
        return affected;
    }

    /// <summary>The fixed versions above <paramref name="version"/> in the entry's ranges, lowest first.</summary>
    public static IReadOnlyList<string> FixesAbove(AffectedPackage entry, string version, IVersionScheme scheme) =>
        [.. entry.Ranges
            .Where(r => r.Type != RangeType.Git)
            .SelectMany(r => r.Events)
            .Where(e => e.Kind == RangeEventKind.Fixed && scheme.IsValid(e.Version) && scheme.Compare(e.Version, version) > 0)
            .Select(e => e.Version)
            .Distinct(StringComparer.Ordinal)
            .Order(Comparer<string>.Create(scheme.Compare))];

    /// <summary>The events a scheme can read, sorted by version with introduced "0" first (the sort is stable).</summary>
    private static IEnumerable<RangeEvent> Sorted(AffectedRange range, IVersionScheme scheme) =>
        range.Events
            .Where(e => e.Kind != RangeEventKind.Limit && (IsZero(e) || scheme.IsValid(e.Version)))
            .OrderBy(e => e, Comparer<RangeEvent>.Create((a, b) =>
                IsZero(a) ? (IsZero(b) ? 0 : -1) : IsZero(b) ? 1 : scheme.Compare(a.Version, b.Version)));

    private static bool IsZero(RangeEvent e) => e.Kind == RangeEventKind.Introduced && e.Version == "0";

    private static bool SameVersion(string listed, string version, IVersionScheme scheme) =>
        listed == version || scheme.IsValid(listed) && scheme.Compare(listed, version) == 0;
}
