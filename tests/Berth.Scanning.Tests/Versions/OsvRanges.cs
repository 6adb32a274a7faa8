using System.Text.Json;
using Berth.Scanning.Versions;

namespace Berth.Scanning.Tests.Versions;

/// <summary>
/// Reads the range events of real OSV JSON records from testdata and evaluates them the way the testdata's
/// SOURCES.md describes (sort events by version, "0" lowest, walk them all), so scheme tests can check the
/// expected matches listed there.
/// </summary>
public static class OsvRanges
{
    public sealed record Event(string Kind, string Version);

    /// <summary>Every SEMVER/ECOSYSTEM range of the record, as its events in file order.</summary>
    public static IReadOnlyList<IReadOnlyList<Event>> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var ranges = new List<IReadOnlyList<Event>>();
        if (!document.RootElement.TryGetProperty("affected", out var affected)) return ranges;
        foreach (var entry in affected.EnumerateArray())
        {
            if (!entry.TryGetProperty("ranges", out var rangeList)) continue;
            foreach (var range in rangeList.EnumerateArray())
            {
                var type = range.GetProperty("type").GetString();
                if (type is not ("SEMVER" or "ECOSYSTEM")) continue;
                var events = new List<Event>();
                foreach (var e in range.GetProperty("events").EnumerateArray())
                {
                    foreach (var property in e.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.String) events.Add(new Event(property.Name, property.Value.GetString()!));
                    }
                }
                ranges.Add(events);
            }
        }
        return ranges;
    }

    /// <summary>A version is affected when any of the record's ranges says so.</summary>
    public static bool Affects(IVersionScheme scheme, IReadOnlyList<IReadOnlyList<Event>> ranges, string version) =>
        ranges.Any(range => Affects(scheme, range, version));

    public static bool Affects(IVersionScheme scheme, IReadOnlyList<Event> events, string version)
    {
        var sorted = events
            .Where(e => e.Kind is "introduced" or "fixed" or "last_affected")
            .Order(Comparer<Event>.Create((a, b) => CompareEventVersions(scheme, a.Version, b.Version)))
            .ToList();
        var affected = false;
        foreach (var e in sorted)
        {
            var relation = e.Version == "0" ? 1 : scheme.Compare(version, e.Version);
            switch (e.Kind)
            {
                case "introduced" when relation >= 0: affected = true; break;
                case "fixed" when relation >= 0: affected = false; break;
                case "last_affected" when relation > 0: affected = false; break;
            }
        }
        return affected;
    }

    private static int CompareEventVersions(IVersionScheme scheme, string a, string b)
    {
        if (a == "0" || b == "0") return a == b ? 0 : a == "0" ? -1 : 1;
        return scheme.Compare(a, b);
    }
}
