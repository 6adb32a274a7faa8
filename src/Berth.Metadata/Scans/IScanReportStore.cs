namespace Berth.Metadata.Scans;

/// <summary>
/// Vulnerability reports, one per artifact digest, and the durable scan queue they form: a request makes the
/// report Pending, a worker claims it (Running) and completes it (Success or Error), or a stop ends it (Stopped).
/// </summary>
public interface IScanReportStore
{
    /// <summary>
    /// Makes the digest's report Pending with a new report id, dropping any previous result. True when queued;
    /// false when it was already Pending or Running (nothing changes then).
    /// </summary>
    Task<bool> RequestAsync(ScanRequest request, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>As <see cref="RequestAsync"/> for many artifacts in one transaction; returns how many were queued.</summary>
    Task<int> RequestManyAsync(IReadOnlyList<ScanRequest> requests, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The oldest Pending report, now Running under this scanner; null when the queue is empty.</summary>
    Task<ScanReportRecord?> ClaimNextAsync(string scannerName, string scannerVersion, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts Running reports back in the queue: at start, they were left by a process that stopped mid-scan.</summary>
    Task<int> RequeueRunningAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a successful scan's summary, document and the digest of its SPDX SBOM (null when it has none); false when
    /// the report id is no longer current (requested again, or stopped meanwhile).
    /// </summary>
    Task<bool> CompleteAsync(string reportId, ScanSummaryCounts summary, string document, string? sbomDigest, DateTimeOffset end,
        CancellationToken cancellationToken);

    /// <summary>Marks the scan failed with a message; false when the report id is no longer current.</summary>
    Task<bool> FailAsync(string reportId, string error, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>Replaces a successful report's findings after re-matching (end time unchanged); false when it changed meanwhile.</summary>
    Task<bool> UpdateMatchAsync(string reportId, ScanSummaryCounts summary, string document, string? sbomDigest, DateTimeOffset matchedAt,
        CancellationToken cancellationToken);

    /// <summary>
    /// Harbor's stop: the reports of these digests that are Pending or Running become Stopped (with an end time), so no
    /// worker claims or completes them. Returns the report ids stopped; a worker running one of them cancels it.
    /// </summary>
    Task<IReadOnlyList<string>> StopAsync(IReadOnlyCollection<string> digests, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stops every Pending and Running report (Harbor's scan-all stop); returns the report ids stopped.</summary>
    Task<IReadOnlyList<string>> StopAllAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<ScanReportRecord?> FindAsync(string digest, CancellationToken cancellationToken);

    /// <summary>The reports of those digests that have one, by digest.</summary>
    Task<IReadOnlyDictionary<string, ScanReportRecord>> FindManyAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken);

    /// <summary>The stored document of a successful report, or null.</summary>
    Task<StoredScanDocument?> FindDocumentAsync(string digest, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> successful reports matched before <paramref name="before"/>, oldest rows first.</summary>
    Task<IReadOnlyList<StoredScanDocument>> ListMatchedBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>How many reports are in each status (statuses with none are left out).</summary>
    Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> stored image manifests (whose config is an image config) after row
    /// <paramref name="afterRow"/>, in row order: scan-all pages through them.
    /// </summary>
    Task<IReadOnlyList<ScanCandidate>> ListImageArtifactsAsync(long afterRow, int limit, CancellationToken cancellationToken);
}
