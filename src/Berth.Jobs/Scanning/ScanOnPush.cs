using Berth.Core;
using Berth.Metadata.Access;
using Berth.Metadata.Artifacts;
using Berth.Metadata.Scans;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Berth.Jobs.Scanning;

/// <summary>
/// Harbor's scan on push: when the project's <c>auto_scan</c> metadata is true, every pushed image is queued. An
/// index is not queued itself: its images arrived (and were queued) as pushes of their own just before it.
/// </summary>
public sealed partial class ScanOnPush(IProjectStore projects, IScanScheduler scheduler, IOptions<ScannerOptions> options, ILogger<ScanOnPush> logger)
    : IArtifactPushObserver
{
    public const string AutoScanKey = "auto_scan";

    public async Task OnPushedAsync(ArtifactPush push, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || MediaTypes.IsIndex(push.MediaType)) return;
        try
        {
            var project = await projects.FindAsync(ProjectName.Of(push.Repository), cancellationToken);
            if (project is null || !project.Metadata.TryGetValue(AutoScanKey, out var autoScan) || autoScan is not ("true" or "1")) return;
            var scheduled = await scheduler.ScheduleAsync(push.Repository, push.Digest.ToString(), cancellationToken);
            if (!scheduled.Accepted) LogNotScannable(logger, push.Repository, push.Digest.ToString(), scheduled.NotScannable!);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The push is stored and answered regardless; the image can still be scanned by request or by scan-all.
            LogFailed(logger, e, push.Repository, push.Digest.ToString());
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "scan on push skipped {Repository}@{Digest}: {Reason}")]
    private static partial void LogNotScannable(ILogger logger, string repository, string digest, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "queueing the scan on push of {Repository}@{Digest} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string repository, string digest);
}
