using Berth.Scanning.Images;
using Berth.Scanning.Layers;
using Berth.Scanning.Matching;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Reports;

/// <summary>
/// Everything one scan of one image found: the inventory (the SBOM's content) and the findings matched
/// against the advisories at <see cref="GeneratedAt"/>. Formats (table, Trivy JSON, Harbor, CycloneDX,
/// SPDX) are views of this record.
/// </summary>
public sealed record ScanReport
{
    public required ImageToScan Image { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public OsRelease? OperatingSystem { get; init; }

    public IReadOnlyList<Package> Packages { get; init; } = [];

    /// <summary>Vulnerabilities and informational notices, ordered by severity (highest first), then package and id.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>What reading the layers could not make out (malformed package files, skipped paths).</summary>
    public IReadOnlyList<string> InventoryWarnings { get; init; } = [];

    /// <summary>What matching could not check, and why (unknown OS, no advisories for a release, odd versions).</summary>
    public IReadOnlyList<string> MatchWarnings { get; init; } = [];

    public IEnumerable<string> Warnings => InventoryWarnings.Concat(MatchWarnings);

    public SeveritySummary Summary => SeveritySummary.Of(Findings);

    public static ScanReport Of(ImageToScan image, ImageInventory inventory, MatchResult match, DateTimeOffset generatedAt) => new()
    {
        Image = image,
        GeneratedAt = generatedAt,
        OperatingSystem = inventory.OperatingSystem,
        Packages = inventory.Packages,
        Findings = [.. match.Findings
            .OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.PackageName, StringComparer.Ordinal)
            .ThenBy(finding => finding.AdvisoryId, StringComparer.Ordinal)],
        InventoryWarnings = inventory.Warnings,
        MatchWarnings = match.Warnings,
    };
}
