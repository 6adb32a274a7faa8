using Berth.Scanning.Versions;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>
/// What the files of a vuln-list Debian tracker folder say, gathered before any advisory can be written: a CVE's
/// per-release lines, its sid line (the fix in unstable, which applies to a release whose archive already ships a
/// version at least as new), DLA/DSA fixes that override the CVE lines, and "not-affected" marks.
/// </summary>
internal sealed class DebianVulnListAnnotations
{
    private sealed record SidLine(string? Fixed, Severity? Severity);

    private sealed record ReleaseLine(string? Fixed, string? State);

    private readonly Dictionary<string, string> _releases = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Codename, string Package), string> _archive = [];
    private readonly Dictionary<(string Package, string Id), SidLine> _sid = [];
    private readonly Dictionary<(string Codename, string Package, string Id), ReleaseLine> _lines = [];
    private readonly HashSet<(string Codename, string Package, string Id)> _notAffected = [];
    private readonly Dictionary<string, string> _summaries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Codenames => _releases.Keys;

    public void AddRelease(string codename, string major) => _releases[codename] = major;

    /// <summary>A source package the release's archive ships; the newest version seen is kept.</summary>
    public void AddArchiveVersion(string codename, string package, string version)
    {
        if (!VersionSchemes.Dpkg.IsValid(version)) return;
        var key = (codename, package);
        if (!_archive.TryGetValue(key, out var known) || VersionSchemes.Dpkg.Compare(version, known) > 0) _archive[key] = version;
    }

    public void AddSummary(string id, string? summary)
    {
        if (!string.IsNullOrWhiteSpace(summary)) _summaries.TryAdd(id, summary.Trim());
    }

    /// <summary>One package line of a CVE file. An empty release is sid; a fixed version may be absent (no-dsa, unfixed…).</summary>
    public void AddCveLine(string id, string release, string package, string kind, string? version, string? urgency)
    {
        if (IsNotAffected(kind, version))
        {
            _notAffected.Add((release, package, id));
            return;
        }
        var fixedVersion = Usable(version);
        if (release.Length == 0)
        {
            _sid[(package, id)] = new SidLine(fixedVersion, SeverityRatings.FromLabel(urgency));
            return;
        }
        _lines[(release, package, id)] = new ReleaseLine(fixedVersion, fixedVersion is null ? kind : null);
    }

    /// <summary>A DLA/DSA line: a fix for the ids it names; when several advisories fix one id, the newest fix wins.</summary>
    public void AddAdvisoryLine(string id, string release, string package, string kind, string? version)
    {
        if (IsNotAffected(kind, version))
        {
            _notAffected.Add((release, package, id));
            return;
        }
        var key = (release, package, id);
        var fixedVersion = Usable(version);
        if (_lines.TryGetValue(key, out var known) && (fixedVersion is null || known.Fixed is not null && VersionSchemes.Dpkg.Compare(fixedVersion, known.Fixed) <= 0)) return;
        _lines[key] = new ReleaseLine(fixedVersion, fixedVersion is null ? kind : null);
    }

    /// <summary>One advisory per (id, package), with an affected entry per release it concerns.</summary>
    public IEnumerable<Advisory> Advisories()
    {
        var lines = new Dictionary<(string Codename, string Package, string Id), ReleaseLine>(_lines);
        foreach (var ((package, id), sid) in _sid)
        {
            if (_notAffected.Contains(("", package, id))) continue;
            foreach (var codename in _releases.Keys)
            {
                var key = (codename, package, id);
                if (_notAffected.Contains(key)) continue;
                lines.TryGetValue(key, out var line);
                if (line?.Fixed is not null) continue; // the release's own fix stands
                if (!_archive.TryGetValue((codename, package), out var shipped)) continue;
                // The release ships the package: fixed at sid's fix if what it ships has it, else still affected
                // (a no-dsa/postponed line keeps its status until the fix reaches the release).
                lines[key] = sid.Fixed is not null && VersionSchemes.Dpkg.Compare(shipped, sid.Fixed) >= 0
                    ? new ReleaseLine(sid.Fixed, null)
                    : line ?? new ReleaseLine(null, "unfixed");
            }
        }

        var entries = new SortedDictionary<(string Id, string Package), List<AffectedPackage>>();
        foreach (var ((package, id), sid) in _sid)
        {
            if (_notAffected.Contains(("", package, id))) continue;
            Add(entries, id, package, Entry("Debian:sid", package, new ReleaseLine(sid.Fixed, sid.Fixed is null ? "unfixed" : null), sid.Severity));
        }
        foreach (var ((codename, package, id), line) in lines)
        {
            if (!_releases.TryGetValue(codename, out var major)) continue; // a stale codename (squeeze, sarge…)
            Add(entries, id, package, Entry("Debian:" + major, package, line, _sid.GetValueOrDefault((package, id))?.Severity));
        }
        foreach (var ((id, _), affected) in entries)
        {
            yield return new Advisory
            {
                Id = id,
                Source = AdvisorySource.DebianTracker.Name,
                Summary = _summaries.GetValueOrDefault(id),
                Affected = [.. affected.OrderBy(a => a.Ecosystem, StringComparer.Ordinal)],
            };
        }
    }

    private static void Add(SortedDictionary<(string, string), List<AffectedPackage>> entries, string id, string package, AffectedPackage entry)
    {
        if (!entries.TryGetValue((id, package), out var list)) entries[(id, package)] = list = [];
        list.Add(entry);
    }

    private static AffectedPackage Entry(string ecosystem, string package, ReleaseLine line, Severity? severity) => new()
    {
        Ecosystem = ecosystem,
        Name = package,
        Ranges = [line.Fixed is { } fix ? AffectedRange.FromZero(new RangeEvent(RangeEventKind.Fixed, fix)) : AffectedRange.FromZero()],
        Status = line.Fixed is not null ? null : DebianReleases.UnfixedStatus(line.State),
        // The urgency is the package's own severity, which overrides every other rating (as in trivy).
        Rating = severity is { } s ? new AdvisoryRating(s, null, null) : null,
    };

    // "not-affected" and "undetermined" say nothing to match; a fix at version 0 means never affected.
    private static bool IsNotAffected(string kind, string? version) =>
        kind is "not-affected" or "undetermined" || kind == "fixed" && version?.Trim() == "0";

    private static string? Usable(string? version)
    {
        var trimmed = version?.Trim();
        return string.IsNullOrEmpty(trimmed) || !VersionSchemes.Dpkg.IsValid(trimmed) ? null : trimmed;
    }
}
