using Berth.Core.Advisories;
using Berth.Metadata.Scans;
using Berth.Policy;
using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Berth.Jobs.Scanning;

/// <summary>
/// Keeps stored reports current with the advisory database without reading a layer: every
/// <see cref="ScannerOptions.RematchInterval"/> it reads the time of the latest advisory import (written by
/// <c>berth vulndb import</c>, possibly from another process) and re-matches, in batches, every successful report
/// whose findings were matched before it. The time each report was matched is stored with it, so nothing is lost
/// across restarts and nothing is matched twice for one import.
/// </summary>
public sealed partial class AdvisoryRematcher(
    IAdvisoryStore advisories,
    IScanReportStore reports,
    ImageScanner scanner,
    PolicyRevision policyRevision,
    IOptions<ScannerOptions> options,
    TimeProvider clock,
    ILogger<AdvisoryRematcher> logger) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        try
        {
            using var timer = new PeriodicTimer(options.Value.RematchInterval, clock);
            do
            {
                try
                {
                    await RematchStaleAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Re-matches every report older than the latest import; returns how many were updated.</summary>
    public async Task<int> RematchStaleAsync(CancellationToken cancellationToken)
    {
        var sources = await advisories.ListSourcesAsync(cancellationToken);
        if (sources.Count == 0) return 0;
        var imported = sources.Max(source => source.ImportedAt);
        var updated = 0;
        while (true)
        {
            var stale = await reports.ListMatchedBeforeAsync(imported, Batch, cancellationToken);
            if (stale.Count == 0) break;
            foreach (var stored in stale)
                if (await RematchAsync(stored, imported, cancellationToken)) updated++;
        }
        if (updated > 0)
        {
            // New findings can refuse a pull that was allowed (or allow one): verdict caches must see it.
            policyRevision.Advance();
            LogRematched(logger, updated, imported);
        }
        return updated;
    }

    private async Task<bool> RematchAsync(StoredScanDocument stored, DateTimeOffset imported, CancellationToken cancellationToken)
    {
        // Taken before matching: an import finishing while this runs is later than it and triggers another round.
        // Never earlier than the import being answered, or a clock behind the importer's would match forever.
        var matchedAt = clock.GetUtcNow();
        if (matchedAt < imported) matchedAt = imported;
        var previous = ScanReportDocument.Deserialize(stored.Document, out var error);
        if (previous is null)
        {
            await reports.FailAsync(stored.Report.ReportId, $"the stored report cannot be re-matched ({error}); scan the artifact again",
                clock.GetUtcNow(), cancellationToken);
            policyRevision.Advance();
            return false;
        }
        var current = await scanner.RematchAsync(previous, cancellationToken);
        var document = ScanReportDocument.Serialize(current);
        // The SPDX document names its creation time, which re-matching renews: its digest follows.
        var sbomDigest = await SbomDigests.OfStoredAsync(document, cancellationToken);
        return await reports.UpdateMatchAsync(
            stored.Report.ReportId, ScanSummaries.Of(current), document, sbomDigest, matchedAt, cancellationToken);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "re-matched {Count} stored reports against the advisories imported at {ImportedAt}")]
    private static partial void LogRematched(ILogger logger, int count, DateTimeOffset importedAt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "re-matching stored reports failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
