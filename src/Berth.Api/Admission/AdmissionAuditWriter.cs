using Berth.Policy.Admission;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Berth.Api.Admission;

/// <summary>Writes what the webhook noted for the audit view once a second, and once more on the way down.</summary>
public sealed partial class AdmissionAuditWriter(AdmissionAudit audit, ILogger<AdmissionAuditWriter> logger) : BackgroundService
{
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!audit.Enabled) return;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await audit.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The audit is a report; a failed write loses one batch of sightings and must not stop the loop.
            LogFlushFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Admission audit: writing the workloads seen failed")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
