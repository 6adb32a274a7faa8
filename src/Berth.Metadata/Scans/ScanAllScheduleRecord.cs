namespace Berth.Metadata.Scans;

/// <summary>
/// The stored scan-all schedule: Harbor's type (Hourly, Daily, Weekly, Custom) and its six-field cron.
/// </summary>
/// <param name="UpdatedAt">When the schedule was last set; occurrences before it are never fired.</param>
/// <param name="LastFiredAt">The occurrence last fired by any process, or null when none has been since it was set.</param>
public sealed record ScanAllScheduleRecord(string Type, string Cron, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? LastFiredAt);
