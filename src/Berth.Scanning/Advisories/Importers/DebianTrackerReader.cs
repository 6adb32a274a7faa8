using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Berth.Scanning.Advisories.Importers.JsonFields;

namespace Berth.Scanning.Advisories.Importers;

/// <summary>
/// Reads the Debian security tracker's JSON (security-tracker.debian.org/tracker/data/json):
/// <c>{ "&lt;source package&gt;": { "CVE-…": { description, releases: { "&lt;codename&gt;": {status, fixed_version,
/// urgency, nodsa_reason} } } } }</c>. Each release becomes ecosystem "Debian:&lt;major&gt;" ("Debian:sid" for sid);
/// resolved with a fixed version → fixed below it; resolved at "0" → never affected (skipped); open → affected
/// (ignored → will_not_fix, postponed → fix_deferred, urgency end-of-life → end_of_life); undetermined → skipped.
/// The urgency is the package's severity, which Trivy lets override every other rating.
/// </summary>
public static class DebianTrackerReader
{
        /// <summary>Whether the start of a JSON document looks like the tracker: an object of objects keyed by CVE/TEMP ids.</summary>
    public static bool LooksLikeTracker(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
        try
        {
            JsonTokenType[] expected = [JsonTokenType.StartObject, JsonTokenType.PropertyName, JsonTokenType.StartObject, JsonTokenType.PropertyName];
            foreach (var token in expected)
                if (!reader.Read() || reader.TokenType != token) return false;
            var id = reader.GetString() ?? "";
            return id.StartsWith("CVE-", StringComparison.Ordinal) || id.StartsWith("TEMP-", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Advisories package by package; malformed JSON surfaces as <see cref="JsonException"/>.</summary>
    public static async IAsyncEnumerable<Advisory> ReadAsync(Stream stream, int maxPackageBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (package, issues) in JsonObjectMembers.ReadAsync(stream, maxPackageBytes, cancellationToken))
        {
            if (Object(issues) is not { } byId) continue;
            foreach (var (id, issue) in byId)
                if (Read(package, id, issue) is { } advisory) yield return advisory;
        }
    }

    /// <summary>The advisory one (package, id) entry gives, or null when no release is affected.</summary>
    public static Advisory? Read(string package, string id, JsonNode? issue)
    {
        var affected = new List<AffectedPackage>();
        foreach (var (codename, release) in Object(issue, "releases") ?? [])
        {
            if (!DebianReleases.WithSid.TryGetValue(codename, out var major)) continue;
            var urgency = Text(release, "urgency");
            var rating = SeverityRatings.FromLabel(urgency) is { } severity ? new AdvisoryRating(severity, null, null) : null;
            var entry = new AffectedPackage { Ecosystem = "Debian:" + major, Name = package, Rating = rating };
            switch (Text(release, "status"))
            {
                case "resolved":
                    var fixedVersion = Text(release, "fixed_version")?.Trim();
                    if (string.IsNullOrEmpty(fixedVersion) || fixedVersion == "0") continue;
                    affected.Add(entry with { Ranges = [AffectedRange.FromZero(new RangeEvent(RangeEventKind.Fixed, fixedVersion))] });
                    break;
                case "open":
                    var status = DebianReleases.UnfixedStatus(urgency == "end-of-life" ? urgency : Text(release, "nodsa_reason"));
                    affected.Add(entry with { Ranges = [AffectedRange.FromZero()], Status = status });
                    break;
            }
        }
        if (affected.Count == 0) return null;
        var description = Text(issue, "description");
        return new Advisory
        {
            Id = id,
            Source = AdvisorySource.DebianTracker.Name,
            Summary = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Affected = affected,
        };
    }
}
