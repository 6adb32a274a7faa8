namespace Berth.Scanning.Advisories.Importers;

/// <summary>Debian release codenames and their major versions, for feeds that name releases by codename.</summary>
internal static class DebianReleases
{
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["wheezy"] = "7", ["jessie"] = "8", ["stretch"] = "9", ["buster"] = "10", ["bullseye"] = "11",
        ["bookworm"] = "12", ["trixie"] = "13", ["forky"] = "14",
    };
}
