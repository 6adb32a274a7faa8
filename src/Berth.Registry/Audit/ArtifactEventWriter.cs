using Berth.Metadata.Artifacts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Berth.Registry.Audit;

/// <summary>
/// Drains <see cref="ArtifactEventQueue"/> into the audit log: whatever has queued up is written in one
/// transaction, so a burst of pulls costs one write. On shutdown the events still queued are written too.
/// </summary>
public sealed partial class ArtifactEventWriter(ArtifactEventQueue queue, IArtifactEventLog log, ILogger<ArtifactEventWriter> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private long _reportedDrops;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
                await WriteBatchAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Stopping: what requests already enqueued still belongs in the log.
        while (queue.Reader.Count > 0) await WriteBatchAsync(CancellationToken.None);
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<ArtifactEvent>();
        while (batch.Count < MaxBatch && queue.Reader.TryRead(out var entry)) batch.Add(entry);
        if (batch.Count == 0) return;
        try
        {
            await log.AppendAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database failing must not stop the writer; the lost lines are reported, the next batch tried.
            LogWriteFailed(logger, e, batch.Count);
        }
        var dropped = queue.Dropped;
        if (dropped != _reportedDrops)
        {
            LogDropped(logger, dropped - _reportedDrops, ArtifactEventQueue.Capacity);
            _reportedDrops = dropped;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "writing {Count} artifact events to the audit log failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "dropped {Count} artifact audit events: more than {Capacity} were waiting")]
    private static partial void LogDropped(ILogger logger, long count, int capacity);
}
