using Berth.Core.Scheduling;
using Berth.Metadata.Scans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Berth.Jobs.Scanning;

/// <summary>
/// Fires Harbor's scheduled scan-all. The schedule lives in the database: every replica reads it, sleeps until its next
/// occurrence (reading it again at least every <see cref="ScannerOptions.ScheduleCheckInterval"/>), and races to
/// record the occurrence as fired; the one whose update changes the row queues scan-all, the others do nothing.
/// Occurrences missed while no replica ran fire once, at start.
/// </summary>
public sealed partial class ScanAllScheduleRunner(
    IScanAllScheduleStore schedules,
    IScanScheduler scheduler,
    IOptions<ScannerOptions> options,
    TimeProvider clock,
    ILogger<ScanAllScheduleRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    wait = await TickAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                    wait = options.Value.ScheduleCheckInterval;
                }
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Fires the schedule when an occurrence is due; returns how long to wait before looking again.</summary>
    public async Task<TimeSpan> TickAsync(CancellationToken cancellationToken)
    {
        var check = options.Value.ScheduleCheckInterval;
        var schedule = await schedules.FindAsync(cancellationToken);
        if (schedule is null || !CronSchedule.TryParse(schedule.Cron, out var cron, out _)) return check;
        var now = clock.GetUtcNow();
        var next = cron!.NextAfter(schedule.LastFiredAt ?? schedule.UpdatedAt);
        if (next is null) return check;
        if (next <= now)
        {
            // The occurrence recorded is "now", not the one due: after a long stop, the missed ones fire once together.
            var occurrence = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
            if (occurrence <= (schedule.LastFiredAt ?? DateTimeOffset.MinValue)) occurrence = next.Value;
            if (await schedules.ClaimOccurrenceAsync(schedule, occurrence, cancellationToken))
            {
                var queued = await scheduler.ScheduleAllAsync(cancellationToken);
                LogFired(logger, schedule.Type, schedule.Cron, next.Value, queued);
            }
            next = cron.NextAfter(occurrence);
            if (next is null) return check;
        }
        var until = next.Value - clock.GetUtcNow();
        return until < TimeSpan.Zero ? TimeSpan.Zero : until < check ? until : check;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "scheduled scan all ({Type}, '{Cron}') due at {Due} queued {Queued} scans")]
    private static partial void LogFired(ILogger logger, string type, string cron, DateTimeOffset due, int queued);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "reading or firing the scan-all schedule failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
