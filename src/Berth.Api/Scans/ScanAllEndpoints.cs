using Berth.Api.Http;
using Berth.Core.Scheduling;
using Berth.Metadata.Scans;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Scans;

/// <summary>
/// Harbor's scan-all calls, for system administrators: scan everything now, set or read the schedule that does it
/// periodically, stop every scan, and the metrics. The schedule is stored; a background service fires it.
/// </summary>
public sealed class ScanAllEndpoints(IScanReportStore reports, IScanScheduler scheduler, IScanAllScheduleStore schedules, ApiCaller callers,
    TimeProvider clock)
{
    private const string Schedule = "/system/scanAll/schedule";

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet(Schedule, GetScheduleAsync);
        api.MapPost(Schedule, CreateScheduleAsync);
        api.MapPut(Schedule, UpdateScheduleAsync);
        api.MapPost("/system/scanAll/stop", StopAllAsync);
        api.MapGet("/scans/all/metrics", context => MetricsAsync(context, ScanAllScheduleTypes.Manual));
        api.MapGet("/scans/schedule/metrics", context => MetricsAsync(context, "Schedule"));
    }

    private async Task GetScheduleAsync(HttpContext context)
    {
        if (await AdministratorAsync(context, "read the scan-all schedule") is not true) return;
        var stored = await schedules.FindAsync(context.RequestAborted);
        if (stored is null)
        {
            await ApiJson.WriteAsync(context, new ScanAllScheduleJson(null, null, null, null));
            return;
        }
        // Stored crons were validated when set; the next time is the one the background service will fire.
        var next = CronSchedule.TryParse(stored.Cron, out var cron, out _)
            ? cron!.NextAfter(Latest(stored.LastFiredAt ?? stored.UpdatedAt, clock.GetUtcNow()))
            : null;
        await ApiJson.WriteAsync(context,
            new ScanAllScheduleJson(1, stored.CreatedAt, stored.UpdatedAt, new ScanAllSchedule(stored.Type, stored.Cron, next)));
    }

    /// <summary>
    /// Harbor's create: Manual queues every image now; a periodic type is stored unless one already is (412, as
    /// Harbor: update it with PUT); None changes nothing.
    /// </summary>
    private async Task CreateScheduleAsync(HttpContext context)
    {
        if (await AdministratorAsync(context, "scan all artifacts") is not true) return;
        var (type, cron, error) = await ReadAsync(context);
        if (error is null && cron is not null && await schedules.FindAsync(context.RequestAborted) is not null)
            error = HarborError.PreconditionFailed("a scan-all schedule is already set; change it with PUT /system/scanAll/schedule or remove it with type None");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        if (type == ScanAllScheduleTypes.Manual) await scheduler.ScheduleAllAsync(context.RequestAborted);
        else if (cron is not null) await schedules.SaveAsync(type, cron, clock.GetUtcNow(), context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    /// <summary>Harbor's update: a periodic type replaces the schedule, None removes it, Manual is refused (400).</summary>
    private async Task UpdateScheduleAsync(HttpContext context)
    {
        if (await AdministratorAsync(context, "change the scan-all schedule") is not true) return;
        var (type, cron, error) = await ReadAsync(context);
        if (error is null && type == ScanAllScheduleTypes.Manual)
            error = HarborError.BadRequest("the scan-all schedule cannot be Manual; run scan all now with POST /system/scanAll/schedule");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        if (type == ScanAllScheduleTypes.None)
        {
            await schedules.DeleteAsync(context.RequestAborted);
        }
        else
        {
            // The same schedule sent again keeps its course (Harbor leaves it scheduled as it was).
            var stored = await schedules.FindAsync(context.RequestAborted);
            if (stored is null || stored.Type != type || stored.Cron != cron)
                await schedules.SaveAsync(type, cron!, clock.GetUtcNow(), context.RequestAborted);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// Stops every Pending and Running scan: 202, and the overviews show Stopped. With nothing to stop, Harbor's 400
    /// "no scan all job is found currently".
    /// </summary>
    private async Task StopAllAsync(HttpContext context)
    {
        if (await AdministratorAsync(context, "stop scan all") is not true) return;
        if (await scheduler.StopAllAsync(context.RequestAborted) == 0)
        {
            await HarborError.BadRequest("no scan all job is found currently: no scan is pending or running").WriteAsync(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    /// <summary>Harbor's metrics, counted over every report (Berth keeps no per-run tally): what the last run left.</summary>
    private async Task MetricsAsync(HttpContext context, string trigger)
    {
        if (await AdministratorAsync(context, "read scan metrics") is not true) return;
        var counts = await reports.CountByStatusAsync(context.RequestAborted);
        int Count(string status) => counts.GetValueOrDefault(status);
        await ApiJson.WriteAsync(context, new ScanMetricsJson(
            counts.Values.Sum(),
            Count(ScanStatus.Success) + Count(ScanStatus.Error) + Count(ScanStatus.Stopped),
            counts,
            Count(ScanStatus.Pending) + Count(ScanStatus.Running) > 0,
            trigger));
    }

    private static async Task<(string Type, string? Cron, HarborError? Error)> ReadAsync(HttpContext context)
    {
        var (request, error) = await ApiJson.ReadAsync<ScanAllRequest>(context);
        if (error is not null) return ("", null, error);
        var (type, cron, message) = ScanAllScheduleTypes.Read(request?.Schedule);
        return (type, cron, message is null ? null : HarborError.BadRequest(message));
    }

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>True for a system administrator; otherwise writes 401 or 403 and returns false.</summary>
    private async Task<bool> AdministratorAsync(HttpContext context, string purpose)
    {
        var (_, error) = await callers.IdentifyAdministratorAsync(context, purpose);
        if (error is null) return true;
        await error.WriteAsync(context);
        return false;
    }
}
