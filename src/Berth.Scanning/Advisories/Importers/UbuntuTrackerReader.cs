using System.Text.Json.Nodes;
using Berth.Scanning.Versions;
using static Berth.Scanning.Advisories.Importers.JsonFields;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>
/// Reads Ubuntu CVE tracker entries as aquasecurity/vuln-list stores them, one JSON file per CVE:
/// <c>{Candidate, Priority, Description, PublicDate, References, Patches: {&lt;source package&gt;: {&lt;codename&gt;: {Status, Note}}}}</c>.
/// Each release codename becomes ecosystem "Ubuntu:&lt;YY.MM&gt;" (ESM, snap and "upstream"/"devel" keys are left out);
/// packages are source packages, compared with dpkg rules. Statuses: released → fixed at the version in Note;
/// needed, needs-triage and active → affected; pending → affected below the version in Note, which is not yet
/// published so it is no fix; deferred → fix_deferred; ignored → will_not_fix; not-affected and DNE → nothing.
/// Priority is Ubuntu's severity (negligible/low → Low, medium, high, critical; untriaged → none).
/// </summary>
public static class UbuntuTrackerReader
{
    private static readonly Dictionary<string, string> Releases = new(StringComparer.Ordinal)
    {
        ["precise"] = "12.04", ["trusty"] = "14.04", ["xenial"] = "16.04", ["yakkety"] = "16.10", ["zesty"] = "17.04",
        ["artful"] = "17.10", ["bionic"] = "18.04", ["cosmic"] = "18.10", ["disco"] = "19.04", ["eoan"] = "19.10",
        ["focal"] = "20.04", ["groovy"] = "20.10", ["hirsute"] = "21.04", ["impish"] = "21.10", ["jammy"] = "22.04",
        ["kinetic"] = "22.10", ["lunar"] = "23.04", ["mantic"] = "23.10", ["noble"] = "24.04", ["oracular"] = "24.10",
        ["plucky"] = "25.04", ["questing"] = "25.10",
    };

    /// <summary>The Ubuntu version a release codename names, e.g. "jammy" → "22.04", or null.</summary>
    public static string? VersionOf(string codename) => Releases.GetValueOrDefault(codename);

    public static bool IsUbuntuTracker(JsonNode? node) =>
        Object(node) is { } o && o.ContainsKey("Candidate") && o.ContainsKey("Patches");

    /// <summary>The advisory (null when no release is affected); null with <paramref name="error"/> when the entry is malformed.</summary>
    public static Advisory? Read(JsonNode? node, out string? error)
    {
        error = null;
        var id = Text(node, "Candidate")?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            error = "Ubuntu CVE tracker entry without a Candidate";
            return null;
        }
        var patches = Object(node, "Patches");
        if (patches is null && Object(node)?["Patches"] is not null)
        {
            error = $"{id}: Patches is not an object";
            return null;
        }

        var affected = new List<AffectedPackage>();
        foreach (var (package, byRelease) in patches ?? [])
        {
            foreach (var (codename, patch) in Object(byRelease) ?? [])
            {
                if (VersionOf(codename) is not { } release) continue;
                if (Entry(package.Trim(), "Ubuntu:" + release, Text(patch, "Status")?.Trim(), Text(patch, "Note")?.Trim()) is { } entry) affected.Add(entry);
            }
        }

        var description = Text(node, "Description")?.Trim();
        var severity = SeverityRatings.FromLabel(Text(node, "Priority"));
        return new Advisory
        {
            Id = id,
            Source = AdvisorySource.UbuntuTracker.Name,
            Summary = string.IsNullOrEmpty(description) ? null : description.Split('\n', 2)[0].Trim(),
            Published = Time(node, "PublicDate"),
            Rating = severity is { } s ? new AdvisoryRating(s, null, null) : AdvisoryRating.Unknown,
            Affected = affected,
        };
    }

    private static AffectedPackage? Entry(string package, string ecosystem, string? status, string? note)
    {
        var version = string.IsNullOrEmpty(note) || !VersionSchemes.Dpkg.IsValid(note) ? null : note;
        var entry = new AffectedPackage { Ecosystem = ecosystem, Name = package };
        return status switch
        {
            // A release with no version noted cannot say which builds carry the fix; trivy-db likewise keeps it unfixed.
            "released" when version is not null => entry with { Ranges = [AffectedRange.FromZero(new RangeEvent(RangeEventKind.Fixed, version))] },
            "released" => null,
            "needed" or "needs-triage" or "active" => entry with { Ranges = [AffectedRange.FromZero()], Status = AdvisoryStatus.Affected },
            "pending" when version is not null => entry with { Ranges = [AffectedRange.FromZero(new RangeEvent(RangeEventKind.Limit, version))], Status = AdvisoryStatus.Affected },
            "pending" => entry with { Ranges = [AffectedRange.FromZero()], Status = AdvisoryStatus.Affected },
            "deferred" => entry with { Ranges = [AffectedRange.FromZero()], Status = AdvisoryStatus.FixDeferred },
            "ignored" => entry with { Ranges = [AffectedRange.FromZero()], Status = AdvisoryStatus.WillNotFix },
            _ => null, // not-affected, DNE, or a status this reader does not know
        };
    }
}
