namespace Berth.Api.Scans;

/// <summary>The body of <c>POST|PUT /system/scanAll/schedule</c>: <c>{"schedule":{"type":"Daily","cron":"0 0 0 * * *"}}</c>.</summary>
public sealed record ScanAllRequest(ScanAllSchedule? Schedule);
