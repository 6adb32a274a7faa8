namespace Berth.Api.Scans;

/// <summary>
/// Harbor's schedule object: <c>type</c> (Hourly, Daily, Weekly, Custom, Manual, None) and a six-field <c>cron</c>
/// (seconds first); answers add <c>next_scheduled_time</c> (read-only: ignored in a request).
/// </summary>
public sealed record ScanAllSchedule(string? Type, string? Cron, DateTimeOffset? NextScheduledTime = null);
