using Berth.Scanning.Reports.Formats;

namespace Berth.Api.Scans;

/// <summary>
/// Harbor's <c>sbom_overview</c>. Berth's SBOM is the inventory of the vulnerability scan, so this is read from the
/// same report row. <c>sbom_digest</c> is the sha256 of the SPDX document <c>additions/sbom</c> returns (Harbor's is the
/// digest of the SBOM accessory it pushes); present once the scan succeeded with an inventory.
/// </summary>
public sealed record SbomOverview(
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string ScanStatus,
    string? SbomDigest,
    string ReportId,
    long Duration,
    HarborScanner Scanner);
