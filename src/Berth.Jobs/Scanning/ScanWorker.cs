using Berth.Jobs.External;
using Berth.Metadata.Scans;
using Berth.Policy;
using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Berth.Jobs.Scanning;

/// <summary>
/// Runs queued scans: <see cref="ScannerOptions.Workers"/> loops each claim the oldest Pending report, read the image
/// from the registry, scan it and store the report. Scans left Running by a stopped process are queued again at
/// start, so a restart resumes them. Any failure of one scan ends that scan as Error with its message; the worker
/// goes on. A scan stopped meanwhile (Harbor's scan stop) is cancelled and stays Stopped.
/// </summary>
public sealed partial class ScanWorker(
    IScanReportStore reports,
    RegistryImages images,
    ExternalScans external,
    ImageScanner scanner,
    ScanQueueSignal signal,
    RunningScans running,
    PolicyRevision policyRevision,
    IOptions<ScannerOptions> options,
    TimeProvider clock,
    ILogger<ScanWorker> logger) : BackgroundService
{
    // Requests queued by another process (scale-out, or a CLI) are noticed at least this often.
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        // Let the host finish starting before the first claim; the requeue is the resumption of interrupted scans.
        await Task.Yield();
        try
        {
            var resumed = await reports.RequeueRunningAsync(stoppingToken);
            if (resumed > 0) LogResumed(logger, resumed);
            await Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => RunLoopAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            ScanReportRecord? claimed;
            try
            {
                claimed = await reports.ClaimNextAsync(ScannerIdentity.Name, ScannerIdentity.Version, clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogQueueFailed(logger, e);
                await Task.Delay(IdlePoll, stoppingToken);
                continue;
            }
            if (claimed is null)
            {
                await signal.WaitAsync(IdlePoll, stoppingToken);
                continue;
            }
            // Pending became Running: what a pull of this artifact is told changes with it.
            policyRevision.Advance();
            await ScanAsync(claimed, stoppingToken);
        }
    }

    /// <summary>
    /// Scans one claimed report. Cancellation by shutdown leaves it Running, which the next start queues again;
    /// cancellation by a stop leaves it as the stop wrote it, Stopped.
    /// </summary>
    private async Task ScanAsync(ScanReportRecord claimed, CancellationToken stoppingToken)
    {
        using var scan = running.Start(claimed.ReportId, stoppingToken);
        var watch = ScanStopWatch.WatchAsync(reports, claimed, scan, options.Value.StopCheckInterval, clock);
        try
        {
            await RunScanAsync(claimed, scan.Token);
        }
        catch (OperationCanceledException) when (scan.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            LogStopped(logger, claimed.Repository, claimed.Digest, claimed.ReportId);
            policyRevision.Advance();
        }
        finally
        {
            running.Finish(claimed.ReportId);
            await scan.CancelAsync();
            await watch;
        }
    }

    private async Task RunScanAsync(ScanReportRecord claimed, CancellationToken cancellationToken)
    {
        // A project (or the system) that chose an external scanner is scanned there; that path ends the report itself.
        if (await external.TryScanAsync(claimed, cancellationToken)) return;
        LogStarted(logger, claimed.Repository, claimed.Digest, claimed.ReportId);
        string? error;
        try
        {
            var load = await images.LoadAsync(claimed.Repository, claimed.Digest, cancellationToken);
            if (load.Image is { } image)
            {
                var result = await scanner.ScanAsync(image, null, cancellationToken);
                if (result.Report is { } report)
                {
                    var document = ScanReportDocument.Serialize(report);
                    var sbomDigest = await SbomDigests.OfStoredAsync(document, cancellationToken);
                    var stored = await reports.CompleteAsync(
                        claimed.ReportId, ScanSummaries.Of(report), document, sbomDigest, clock.GetUtcNow(), CancellationToken.None);
                    policyRevision.Advance();
                    LogFinished(logger, claimed.Repository, claimed.Digest, report.Summary.Total, stored);
                    return;
                }
                error = result.Error;
            }
            else
            {
                error = load.Error;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A broken blob store or an analyzer bug fails this scan, not the worker.
            error = $"{e.GetType().Name}: {e.Message}";
        }
        LogScanFailed(logger, claimed.Repository, claimed.Digest, error ?? "unknown error");
        await reports.FailAsync(claimed.ReportId, error ?? "unknown error", clock.GetUtcNow(), CancellationToken.None);
        policyRevision.Advance();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "resuming {Count} scans that were running when Berth last stopped")]
    private static partial void LogResumed(ILogger logger, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "scanning {Repository}@{Digest} (report {ReportId})")]
    private static partial void LogStarted(ILogger logger, string repository, string digest, string reportId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "scanned {Repository}@{Digest}: {Total} vulnerabilities (stored: {Stored})")]
    private static partial void LogFinished(ILogger logger, string repository, string digest, int total, bool stored);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "scan of {Repository}@{Digest} failed: {Error}")]
    private static partial void LogScanFailed(ILogger logger, string repository, string digest, string error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "reading the scan queue failed; retrying")]
    private static partial void LogQueueFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "scan of {Repository}@{Digest} (report {ReportId}) was stopped")]
    private static partial void LogStopped(ILogger logger, string repository, string digest, string reportId);
}
