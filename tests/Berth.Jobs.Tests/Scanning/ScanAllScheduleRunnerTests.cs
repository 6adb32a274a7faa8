using Berth.Jobs.Scanning;
using Berth.Metadata.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Berth.Jobs.Tests.Scanning;

/// <summary>The scheduled scan-all against a real database file: when it fires, and that one of several replicas does.</summary>
public sealed class ScanAllScheduleRunnerTests : IAsyncLifetime
{
    // 10:15:30 UTC on a Monday.
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 10, 15, 30, TimeSpan.Zero);
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(5);

    private readonly string _directory = Directory.CreateTempSubdirectory("berth-schedule-tests-").FullName;
    private SqliteDatabase _database = null!;
    private SqliteScanAllScheduleStore _schedules = null!;
    private readonly ManualClock _clock = new(T0);
    private readonly CountingScheduler _scheduler = new();

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Path.Combine(_directory, "berth.db"));
        await _database.MigrateAsync(default);
        _schedules = new SqliteScanAllScheduleStore(_database);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private ScanAllScheduleRunner Runner(SqliteScanAllScheduleStore? schedules = null, CountingScheduler? scheduler = null) => new(
        schedules ?? _schedules, scheduler ?? _scheduler, Options.Create(new ScannerOptions { ScheduleCheckInterval = Check }), _clock,
        NullLogger<ScanAllScheduleRunner>.Instance);

    [Fact]
    public async Task WithoutASchedule_NothingFires_AndTheRunnerLooksAgainAfterTheCheckInterval()
    {
        Assert.Equal(Check, await Runner().TickAsync(default));
        Assert.Equal(0, _scheduler.ScanAll);
    }

    [Fact]
    public async Task AnHourlySchedule_FiresAtTheHour_Once()
    {
        await _schedules.SaveAsync("Hourly", "0 0 * * * *", T0, default);
        var runner = Runner();

        // 44.5 minutes to 11:00: the runner waits no longer than the check interval.
        Assert.Equal(Check, await runner.TickAsync(default));
        _clock.Now = new DateTimeOffset(2025, 3, 10, 10, 59, 58, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(2), await runner.TickAsync(default));
        Assert.Equal(0, _scheduler.ScanAll);

        _clock.Now = new DateTimeOffset(2025, 3, 10, 11, 0, 0, 300, TimeSpan.Zero);
        await runner.TickAsync(default);
        await runner.TickAsync(default);

        Assert.Equal(1, _scheduler.ScanAll);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 11, 0, 0, TimeSpan.Zero), (await _schedules.FindAsync(default))!.LastFiredAt);
    }

    [Fact]
    public async Task OccurrencesMissedWhileStopped_FireOnce_AndTheNextComesFromNow()
    {
        await _schedules.SaveAsync("Custom", "0 */10 * * * *", T0, default);
        // Three days without any replica running.
        _clock.Now = T0.AddDays(3);
        var runner = Runner();

        await runner.TickAsync(default);
        await runner.TickAsync(default);
        Assert.Equal(1, _scheduler.ScanAll);

        _clock.Now = new DateTimeOffset(2025, 3, 13, 10, 20, 0, TimeSpan.Zero);
        await runner.TickAsync(default);
        Assert.Equal(2, _scheduler.ScanAll);
    }

    [Fact]
    public async Task TwoReplicas_OnOneDatabase_FireEachOccurrenceOnce()
    {
        await _schedules.SaveAsync("Custom", "*/5 * * * * *", T0, default);
        var other = new CountingScheduler();
        var first = Runner();
        var second = Runner(new SqliteScanAllScheduleStore(new SqliteDatabase(_database.FilePath)), other);

        for (var tick = 0; tick < 6; tick++)
        {
            _clock.Now = T0.AddSeconds(5 * tick + 5.5);
            await Task.WhenAll(first.TickAsync(default), second.TickAsync(default));
        }

        // Occurrences at :35, :40, :45, :50, :55, 10:16:00 — six, each fired by exactly one of the two.
        Assert.Equal(6, _scheduler.ScanAll + other.ScanAll);
    }

    [Fact]
    public async Task ASchedulePutInPlaceAfterAnOccurrence_WaitsForTheNextOne()
    {
        _clock.Now = new DateTimeOffset(2025, 3, 10, 11, 0, 1, TimeSpan.Zero);
        await _schedules.SaveAsync("Hourly", "0 0 * * * *", _clock.Now, default);

        await Runner().TickAsync(default);

        Assert.Equal(0, _scheduler.ScanAll);
    }
}
