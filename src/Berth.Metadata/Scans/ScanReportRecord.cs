namespace Berth.Metadata.Scans;

/// <summary>
/// One artifact's vulnerability report as stored, without its document: status, timing, scanner and summary.
/// </summary>
/// <param name="Row">The row's key, a cursor for walking every report in batches.</param>
/// <param name="ReportId">A uuid that changes with every new scan request, so a late worker cannot overwrite a newer request.</param>
/// <param name="Repository">The repository the scan reads the artifact from (the one that last requested it).</param>
/// <param name="MatchedAt">When matching against the advisories began for the findings stored now.</param>
/// <param name="Summary">Present once a scan succeeded.</param>
/// <param name="SbomDigest">The sha256 digest of the SPDX SBOM rendered from a successful report, when it has an inventory.</param>
public sealed record ScanReportRecord(
    long Row,
    string Digest,
    string ReportId,
    string Repository,
    long? ProjectId,
    string Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    DateTimeOffset? MatchedAt,
    string? Error,
    string? ScannerName,
    string? ScannerVersion,
    ScanSummaryCounts? Summary,
    string? SbomDigest = null);
