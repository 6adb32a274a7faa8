using Berth.Scanning.Layers;
using Berth.Scanning.Matching;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Reports.Formats;

/// <summary>Splits a report into Trivy's results: the OS packages first, then each language target by name.</summary>
public static class ReportTargets
{
    public static IReadOnlyList<ReportTarget> Of(ScanReport report)
    {
        var byPackage = new Dictionary<(string, string, string?), (string Name, string Class, string Type)>();
        var targets = new Dictionary<(string Name, string Class, string Type), List<Package>>();
        foreach (var package in report.Packages)
        {
            var key = TargetOf(report, package);
            if (!targets.TryGetValue(key, out var list)) targets[key] = list = [];
            list.Add(package);
            byPackage.TryAdd((package.Name, package.Version, package.FilePath), key);
        }

        var findings = targets.Keys.ToDictionary(key => key, _ => new List<Finding>());
        foreach (var finding in report.Findings)
        {
            // A finding the inventory does not hold (a stale report) still shows, under its file.
            if (!byPackage.TryGetValue((finding.PackageName, finding.InstalledVersion, finding.FilePath), out var key))
            {
                key = (finding.FilePath ?? "unknown", ReportTarget.LanguagePackages, "unknown");
                if (!findings.ContainsKey(key))
                {
                    findings[key] = [];
                    targets[key] = [];
                }
            }
            findings[key].Add(finding);
        }

        return [.. targets
            .OrderBy(pair => pair.Key.Class == ReportTarget.OsPackages ? 0 : 1)
            .ThenBy(pair => pair.Key.Name, StringComparer.Ordinal)
            .Select(pair => new ReportTarget(pair.Key.Name, pair.Key.Class, pair.Key.Type, pair.Value, findings[pair.Key]))];
    }

    /// <summary>Trivy's OS target: "alpine:3.20 (alpine 3.20.3)".</summary>
    public static string OsTargetName(ScanReport report) =>
        report.OperatingSystem is { } os ? $"{report.Image.Name} ({os.Family} {os.Version})" : $"{report.Image.Name} (unknown OS)";

    private static (string, string, string) TargetOf(ScanReport report, Package package) =>
        ImageInventory.IsOsEcosystem(package.Ecosystem)
            ? (OsTargetName(report), ReportTarget.OsPackages, report.OperatingSystem?.Family ?? package.Ecosystem.ToString().ToLowerInvariant())
            : (LanguageTypes.Target(package), ReportTarget.LanguagePackages, LanguageTypes.Of(package));
}
