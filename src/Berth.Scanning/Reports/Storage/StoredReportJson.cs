using Berth.Scanning.Matching;
using Berth.Scanning.Packages;

namespace Berth.Scanning.Reports.Storage;

/// <summary>The stored JSON of a <see cref="ScanReport"/>; <see cref="Format"/> says which shape it has.</summary>
internal sealed record StoredReportJson(
    int Format,
    StoredImageJson Image,
    DateTimeOffset GeneratedAt,
    OsRelease? OperatingSystem,
    IReadOnlyList<Package> Packages,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> InventoryWarnings,
    IReadOnlyList<string> MatchWarnings);
