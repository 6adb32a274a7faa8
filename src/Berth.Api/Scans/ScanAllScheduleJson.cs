namespace Berth.Api.Scans;

/// <summary>
/// Harbor's <c>Schedule</c> as <c>GET /system/scanAll/schedule</c> answers it: <c>{"id":1,"creation_time":…,
/// "update_time":…,"schedule":{"type":"Custom","cron":"0 */5 * * * *","next_scheduled_time":…}}</c>, or <c>{}</c> when no
/// schedule is set.
/// </summary>
public sealed record ScanAllScheduleJson(long? Id, DateTimeOffset? CreationTime, DateTimeOffset? UpdateTime, ScanAllSchedule? Schedule);
