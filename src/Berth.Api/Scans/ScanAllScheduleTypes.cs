using Berth.Core.Scheduling;

namespace Berth.Api.Scans;

/// <summary>
/// Harbor's scan-all schedule types and what each means: Manual scans everything now, None removes the schedule, and
/// Hourly, Daily, Weekly and Custom store a six-field cron. Harbor's console sends the preset's cron with its type; a
/// preset sent without one gets the console's (Weekly is Sunday midnight, UTC).
/// </summary>
public static class ScanAllScheduleTypes
{
    public const string Manual = "Manual";
    public const string None = "None";
    public const string Hourly = "Hourly";
    public const string Daily = "Daily";
    public const string Weekly = "Weekly";
    public const string Custom = "Custom";

    private static readonly Dictionary<string, string> Presets = new(StringComparer.Ordinal)
    {
        [Hourly] = "0 0 * * * *",
        [Daily] = "0 0 0 * * *",
        [Weekly] = "0 0 0 * * 0",
    };

    public static bool IsPeriodic(string type) => Presets.ContainsKey(type) || type == Custom;

    /// <summary>
    /// The type and the cron to store for a periodic schedule, or the error to answer 400 with: an unknown type, a
    /// Custom without cron, or a cron that is not Harbor's six fields (the message names the field).
    /// </summary>
    public static (string Type, string? Cron, string? Error) Read(ScanAllSchedule? schedule)
    {
        var type = schedule?.Type;
        if (string.IsNullOrEmpty(type))
            return ("", null, """the schedule needs a type: {"schedule":{"type":"Manual|Hourly|Daily|Weekly|Custom|None","cron":"0 0 * * * *"}}""");
        if (type is Manual or None) return (type, null, null);
        if (!IsPeriodic(type))
            return (type, null, $"schedule type '{type}' is not one of {Manual}, {Hourly}, {Daily}, {Weekly}, {Custom}, {None}");
        var cron = string.IsNullOrWhiteSpace(schedule!.Cron) ? Presets.GetValueOrDefault(type) : schedule.Cron;
        if (cron is null) return (type, null, $"a {Custom} schedule needs a cron, e.g. \"0 0 2 * * *\" (second minute hour day-of-month month day-of-week)");
        if (!CronSchedule.TryParse(cron, out var parsed, out var error))
            return (type, null, $"invalid cron string for scheduled scan all: {error}");
        return (type, parsed!.Expression, null);
    }
}
