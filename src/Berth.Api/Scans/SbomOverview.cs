using Berth.Scanning.Reports.Formats;

namespace Berth.Api.Scans;

/// <summary>
/// Harbor's <c>sbom_overview</c>. Berth's SBOM is the inventory of the vulnerability scan, so this is read from the
/// same report row. Harbor's <c>sbom_digest</c> (the digest of the SBOM accessory it pushes) is left out: Berth pushes
/// no accessory and renders the document on request, with a fresh SPDX documentNamespace each time.
/// </summary>
public sealed record SbomOverview(
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string ScanStatus,
    string ReportId,
    long Duration,
    HarborScanner Scanner);
