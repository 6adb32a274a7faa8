using System.Text.Json.Nodes;
using static Berth.Scanning.Advisories.Importers.JsonFields;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>
/// Reads one OSV record (ossf/osv-schema) from its parsed JSON or YAML tree. Severity: GHSA's
/// <c>database_specific.severity</c> or an Ubuntu priority as the vendor label, else CVSS v3, else v2;
/// RustSec's per-package <c>database_specific.cvss</c> and <c>informational</c> are kept per package.
/// </summary>
public static class OsvReader
{
    /// <summary>True when the tree looks like an OSV record rather than some other JSON.</summary>
    public static bool IsOsv(JsonNode? node) =>
        Text(node, "id") is not null && Object(node) is { } o && (o.ContainsKey("affected") || o.ContainsKey("modified") || o.ContainsKey("schema_version"));

    /// <summary>The advisory, or null with <paramref name="error"/> saying what is missing.</summary>
    public static Advisory? Read(JsonNode? node, out string? error)
    {
        error = null;
        var id = Text(node, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            error = "OSV record without an id";
            return null;
        }

        var affected = new List<AffectedPackage>();
        foreach (var entry in Array(node, "affected"))
        {
            var package = Object(entry, "package");
            var ecosystem = Text(package, "ecosystem");
            var name = Text(package, "name");
            if (string.IsNullOrWhiteSpace(ecosystem) || string.IsNullOrWhiteSpace(name)) continue;
            var specific = Object(entry, "database_specific");
            affected.Add(new AffectedPackage
            {
                Ecosystem = ecosystem,
                Name = name,
                Ranges = [.. Array(entry, "ranges").Select(ReadRange).OfType<AffectedRange>()],
                Versions = Texts(entry, "versions"),
                Informational = Text(specific, "informational"),
                Rating = RatingOf(entry, Text(specific, "cvss")),
            });
        }

        var summary = Text(node, "summary");
        if (string.IsNullOrWhiteSpace(summary)) summary = Text(node, "details")?.Split('\n', 2)[0].Trim();
        return new Advisory
        {
            Id = id.Trim(),
            Source = AdvisorySource.ForOsvId(id.Trim()).Name,
            // Distribution advisories (ALSA, RHSA, SUSE-SU…) name the CVEs they fix in `upstream` rather than `aliases`.
            Aliases = [.. Texts(node, "aliases").Concat(Texts(node, "upstream")).Where(a => a != id.Trim()).Distinct(StringComparer.Ordinal)],
            Summary = string.IsNullOrWhiteSpace(summary) ? null : summary,
            Published = Time(node, "published"),
            Modified = Time(node, "modified"),
            Withdrawn = Time(node, "withdrawn"),
            Rating = RatingOf(node, null) ?? AdvisoryRating.Unknown,
            Affected = affected,
        };
    }

    /// <summary>The rating an object's <c>severity[]</c> (plus GHSA's label, plus an extra vector) gives, or null if none.</summary>
    private static AdvisoryRating? RatingOf(JsonNode? holder, string? extraVector)
    {
        var severities = Array(holder, "severity").Select(s => (Type: Text(s, "type"), Score: Text(s, "score"))).ToList();
        var label = Text(Object(holder, "database_specific"), "severity")
                    ?? severities.FirstOrDefault(s => s.Type == "Ubuntu").Score;
        var v3 = severities.Where(s => s.Type == "CVSS_V3").Select(s => s.Score).Append(extraVector);
        var v2 = severities.Where(s => s.Type == "CVSS_V2").Select(s => s.Score);
        var rating = SeverityRatings.Choose(label, v3, v2);
        return rating == AdvisoryRating.Unknown ? null : rating;
    }

    private static AffectedRange? ReadRange(JsonNode? range)
    {
        RangeType? type = Text(range, "type") switch
        {
            "SEMVER" => RangeType.Semver,
            "ECOSYSTEM" => RangeType.Ecosystem,
            "GIT" => RangeType.Git,
            _ => null,
        };
        if (type is null) return null;
        var events = new List<RangeEvent>();
        foreach (var item in Array(range, "events"))
        {
            if (Object(item) is not { } e) continue;
            foreach (var (key, value) in e)
            {
                RangeEventKind? kind = key switch
                {
                    "introduced" => RangeEventKind.Introduced,
                    "fixed" => RangeEventKind.Fixed,
                    "last_affected" => RangeEventKind.LastAffected,
                    "limit" => RangeEventKind.Limit,
                    _ => null,
                };
                if (kind is { } k && Text(value) is { Length: > 0 } version) events.Add(new RangeEvent(k, version.Trim()));
            }
        }
        return new AffectedRange(type.Value, events);
    }
}
