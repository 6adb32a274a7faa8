using Berth.Core.Scheduling;

namespace Berth.Core.Tests.Scheduling;

public sealed class CronScheduleTests
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static CronSchedule Parse(string expression)
    {
        Assert.True(CronSchedule.TryParse(expression, out var schedule, out var error), error);
        return schedule!;
    }

    [Theory]
    // Harbor's presets: Hourly, Daily, Weekly (Sunday midnight).
    [InlineData("0 0 * * * *", "2025-03-10T10:15:30", "2025-03-10T11:00:00")]
    [InlineData("0 0 0 * * *", "2025-03-10T10:15:30", "2025-03-11T00:00:00")]
    [InlineData("0 0 0 * * 0", "2025-03-10T10:15:30", "2025-03-16T00:00:00")]
    // Exactly on an occurrence: the next one is strictly later.
    [InlineData("0 0 * * * *", "2025-03-10T11:00:00", "2025-03-10T12:00:00")]
    // A fraction of a second after an occurrence is still after it.
    [InlineData("*/5 * * * * *", "2025-03-10T11:00:00.5", "2025-03-10T11:00:05")]
    // Steps, lists and ranges.
    [InlineData("*/15 * * * * *", "2025-03-10T11:00:46", "2025-03-10T11:01:00")]
    [InlineData("0 5,35 * * * *", "2025-03-10T11:06:00", "2025-03-10T11:35:00")]
    [InlineData("0 0 9-17/4 * * *", "2025-03-10T13:00:01", "2025-03-10T17:00:00")]
    [InlineData("0 0 9-17/4 * * *", "2025-03-10T17:00:01", "2025-03-11T09:00:00")]
    // A single value with a step runs to the field's end: 50, 55.
    [InlineData("50/5 * * * * *", "2025-03-10T11:00:51", "2025-03-10T11:00:55")]
    // Month and weekday names, any case; MON-FRI skips the weekend.
    [InlineData("0 30 8 * * mon-FRI", "2025-03-14T09:00:00", "2025-03-17T08:30:00")]
    [InlineData("0 0 0 1 jul *", "2025-03-10T00:00:00", "2025-07-01T00:00:00")]
    // Rolls over the year; 29 February waits for a leap year.
    [InlineData("0 0 0 1 1 *", "2025-12-31T23:59:59", "2026-01-01T00:00:00")]
    [InlineData("0 0 12 29 2 ?", "2025-03-01T00:00:00", "2028-02-29T12:00:00")]
    // The 31st skips months that have none.
    [InlineData("0 0 0 31 * *", "2025-04-01T00:00:00", "2025-05-31T00:00:00")]
    // Both day fields restricted: either one matching is enough (the 13th, a Wednesday, comes before Friday the 15th).
    [InlineData("0 0 0 13 * 5", "2025-08-10T00:00:00", "2025-08-13T00:00:00")]
    // Day of week restricted, day of month '?': only the weekday counts.
    [InlineData("0 0 0 ? * 5", "2025-08-10T00:00:00", "2025-08-15T00:00:00")]
    public void NextAfter_GivesTheFirstLaterOccurrence(string expression, string after, string expected)
    {
        Assert.Equal(At(expected), Parse(expression).NextAfter(At(after)));
    }

    [Fact]
    public void NextAfter_ConvertsFromOtherOffsets_AndAnswersInUtc()
    {
        var next = Parse("0 0 0 * * *").NextAfter(new DateTimeOffset(2025, 3, 10, 23, 30, 0, TimeSpan.FromHours(2)));

        Assert.Equal(At("2025-03-11T00:00:00"), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Fact]
    public void NextAfter_IsNullForADateThatNeverComes()
    {
        Assert.Null(Parse("0 0 0 30 2 *").NextAfter(At("2025-01-01T00:00:00")));
    }

    [Fact]
    public void Expression_IsNormalisedToSingleSpaces()
    {
        Assert.Equal("0 */5 * * * *", Parse("  0  */5 * * *   * ").Expression);
    }

    [Theory]
    [InlineData("0 0 * * *", "5 fields")]
    [InlineData("0 0 * * * * *", "7 fields")]
    [InlineData("", "0 fields")]
    [InlineData("60 * * * * *", "second field has 60, outside 0-59")]
    [InlineData("0 61 * * * *", "minute field has 61")]
    [InlineData("0 0 24 * * *", "hour field has 24, outside 0-23")]
    [InlineData("0 0 0 0 * *", "day-of-month field has 0, outside 1-31")]
    [InlineData("0 0 0 * 13 *", "month field has 13")]
    [InlineData("0 0 0 * * 7", "day-of-week field has 7, outside 0-6")]
    [InlineData("0 0 0 * FOO *", "month field has 'FOO'")]
    [InlineData("0 0 0 * * SUNDAY", "day-of-week field has 'SUNDAY'")]
    [InlineData("*/0 * * * * *", "second field has '*/0'")]
    [InlineData("0 */x * * * *", "minute field has '*/x'")]
    [InlineData("0 0 17-9 * * *", "hour field has the range '17-9'")]
    [InlineData("? * * * * *", "second field has '?'")]
    [InlineData("0 0 0 1,,2 * *", "day-of-month field")]
    [InlineData("0 -5 * * * *", "minute field")]
    public void TryParse_RefusesAnInvalidExpression_NamingTheField(string expression, string expected)
    {
        Assert.False(CronSchedule.TryParse(expression, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Contains(expected, error);
    }
}
