using Berth.Metadata.Scans;

namespace Berth.Metadata.Scanners;

/// <summary>Stores a report an external scanner produced as the artifact's report.</summary>
public interface IExternalScanReportStore
{
    /// <summary>
    /// Completes the Running report with the external scanner's summary and document, under that scanner's name. Such a
    /// report holds no inventory, so it is never re-matched; false when the report id is no longer current.
    /// </summary>
    Task<bool> CompleteAsync(string reportId, string scannerName, string scannerVersion, ScanSummaryCounts summary, string document,
        DateTimeOffset end, CancellationToken cancellationToken);
}
