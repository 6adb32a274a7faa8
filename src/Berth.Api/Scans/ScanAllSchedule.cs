namespace Berth.Api.Scans;

/// <summary>Harbor's schedule object; Berth runs the <c>Manual</c> type (scan everything now).</summary>
public sealed record ScanAllSchedule(string? Type, string? Cron);
