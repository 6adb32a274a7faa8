namespace Berth.Api.Scans;

/// <summary>The body of <c>POST /system/scanAll/schedule</c>: <c>{"schedule":{"type":"Manual"}}</c>.</summary>
public sealed record ScanAllRequest(ScanAllSchedule? Schedule);
