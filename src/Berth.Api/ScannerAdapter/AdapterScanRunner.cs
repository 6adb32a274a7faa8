using System.Threading.Channels;
using Berth.Scanning.Images.Remote;
using Berth.Scanning.Reports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// Runs the adapter's scans in the background: <see cref="ScannerAdapterOptions.Workers"/> loops take queued ids,
/// pull the image from the request's registry and scan it with Berth's scanner (layers through the same cache as
/// the registry's own scans), and store the scanner's report or the error in <see cref="AdapterScanStore"/>.
/// </summary>
public sealed partial class AdapterScanRunner(
    AdapterScanStore store,
    RemoteRegistryImage images,
    ImageScanner scanner,
    IOptions<ScannerAdapterOptions> options,
    TimeProvider clock,
    ILogger<AdapterScanRunner> logger) : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });

    /// <summary>Queues a scan already in the store (the store bounds how many there are).</summary>
    public void Enqueue(AdapterScan scan) => _queue.Writer.TryWrite(scan.Id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => RunLoopAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (store.Find(id) is not { State: AdapterScanState.Queued } scan) continue;
            store.Update(scan with { State = AdapterScanState.Running });
            var finished = await ScanAsync(scan, stoppingToken);
            store.Update(finished with { ExpiresAt = clock.GetUtcNow() + options.Value.ReportLifetime });
        }
    }

    private async Task<AdapterScan> ScanAsync(AdapterScan scan, CancellationToken stoppingToken)
    {
        LogStarted(logger, scan.Id, scan.Image.Registry.Authority, scan.Image.Repository, scan.Image.Digest.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.ScanTimeout);
        string error;
        try
        {
            var load = await images.LoadAsync(scan.Image, timeout.Token);
            if (load.Image is { } image)
            {
                var result = await scanner.ScanAsync(image, null, timeout.Token);
                if (result.Report is { } report)
                {
                    LogFinished(logger, scan.Id, report.Packages.Count, report.Findings.Count(f => f.IsVulnerability));
                    return scan with { State = AdapterScanState.Finished, Report = Kept(report, scan) };
                }
                error = result.Error ?? "the scan gave no report";
            }
            else
            {
                error = load.Error ?? "the image could not be read";
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            error = $"the scan did not finish within {options.Value.ScanTimeout}";
        }
        catch (OperationCanceledException)
        {
            error = "Berth stopped before the scan finished; request it again";
        }
        catch (Exception e)
        {
            // An unreachable registry, a broken stream or an analyzer bug fails this scan, not the worker.
            error = e is HttpRequestException ? $"pulling the image failed: {e.Message}" : $"{e.GetType().Name}: {e.Message}";
        }
        LogFailed(logger, scan.Id, error);
        return scan with { State = AdapterScanState.Failed, Error = error };
    }

    /// <summary>
    /// The report as the store keeps it. Its image is named as the request named it (registry, repository, tag and the
    /// requested digest), so an SBOM describes the artifact Harbor asked about even where the digest was an index and the
    /// scan read one platform's manifest. Without the sbom capability the package list is never rendered, so it is not
    /// kept: up to <see cref="ScannerAdapterOptions.MaxScans"/> reports stay in memory for their lifetime.
    /// </summary>
    private static ScanReport Kept(ScanReport report, AdapterScan scan)
    {
        var tag = string.IsNullOrEmpty(scan.Artifact.Tag) ? "" : $":{scan.Artifact.Tag}";
        var image = report.Image with
        {
            Name = $"{scan.Image.Registry.Authority}/{scan.Image.Repository}{tag}@{scan.Image.Digest}",
            ManifestDigest = scan.Image.Digest.ToString(),
        };
        return scan.Capabilities.SbomEnabled ? report with { Image = image } : report with { Image = image, Packages = [] };
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "adapter scan {Id}: pulling {Registry}/{Repository}@{Digest}")]
    private static partial void LogStarted(ILogger logger, string id, string registry, string repository, string digest);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "adapter scan {Id} finished: {Packages} packages, {Vulnerabilities} vulnerabilities")]
    private static partial void LogFinished(ILogger logger, string id, int packages, int vulnerabilities);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "adapter scan {Id} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string id, string error);
}
