namespace Berth.Core.Scheduling;

/// <summary>
/// A six-field cron expression as Harbor writes its schedules — <c>second minute hour day-of-month month day-of-week</c>,
/// e.g. <c>0 0 * * * *</c> for every hour — and the times it names, in UTC (the time zone of Harbor's job service).
/// Day of week runs 0-6 from Sunday. When both day fields are restricted a day matches if either does.
/// </summary>
public sealed class CronSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    // A schedule that names no time within this many years (30 February) has no next occurrence.
    private const int SearchYears = 5;

    private readonly CronField _second, _minute, _hour, _dayOfMonth, _month, _dayOfWeek;

    private CronSchedule(string expression, CronField[] fields)
    {
        Expression = expression;
        (_second, _minute, _hour, _dayOfMonth, _month, _dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    /// <summary>The expression as given, fields separated by single spaces.</summary>
    public string Expression { get; }

    /// <summary>Reads an expression; false with <paramref name="error"/> naming the field that is wrong.</summary>
    public static bool TryParse(string? expression, out CronSchedule? schedule, out string error)
    {
        schedule = null;
        var parts = (expression ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            error = $"the cron expression '{expression}' has {parts.Length} fields; Harbor's has 6: second minute hour day-of-month month day-of-week";
            return false;
        }
        (string Name, int Min, int Max, string[]? Names, bool Question)[] specs =
        [
            ("second", 0, 59, null, false), ("minute", 0, 59, null, false), ("hour", 0, 23, null, false),
            ("day-of-month", 1, 31, null, true), ("month", 1, 12, MonthNames, false), ("day-of-week", 0, 6, DayNames, true),
        ];
        var fields = new CronField[6];
        for (var i = 0; i < 6; i++)
        {
            var field = CronField.Parse(parts[i], specs[i].Name, specs[i].Min, specs[i].Max, specs[i].Names, specs[i].Question, out error);
            if (field is null)
            {
                error = $"invalid cron expression '{expression}': {error}";
                return false;
            }
            fields[i] = field;
        }
        error = "";
        schedule = new CronSchedule(string.Join(' ', parts), fields);
        return true;
    }

    /// <summary>The first time strictly after <paramref name="after"/> that the expression names, or null when none comes.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        // Whole seconds: the next candidate is the second after the one "after" falls in.
        var t = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        var lastYear = t.Year + SearchYears;
        while (t.Year <= lastYear)
        {
            if (!_month.Matches(t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
                continue;
            }
            if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
                continue;
            }
            if (!_hour.Matches(t.Hour))
            {
                t = t.Date.AddHours(t.Hour + 1);
                continue;
            }
            if (!_minute.Matches(t.Minute))
            {
                t = t.Date.AddHours(t.Hour).AddMinutes(t.Minute + 1);
                continue;
            }
            if (!_second.Matches(t.Second))
            {
                t = t.AddSeconds(1);
                continue;
            }
            return new DateTimeOffset(t);
        }
        return null;
    }

    private bool DayMatches(DateTime day)
    {
        var dayOfMonth = _dayOfMonth.Matches(day.Day);
        var dayOfWeek = _dayOfWeek.Matches((int)day.DayOfWeek);
        return _dayOfMonth.Unrestricted || _dayOfWeek.Unrestricted ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
    }

    public override string ToString() => Expression;
}
