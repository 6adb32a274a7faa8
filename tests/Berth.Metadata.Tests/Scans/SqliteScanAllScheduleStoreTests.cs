using Berth.Metadata.Scans;
using Berth.Metadata.Sqlite;
using Berth.Metadata.Tests.Sqlite;

namespace Berth.Metadata.Tests.Scans;

public sealed class SqliteScanAllScheduleStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private MetadataDatabase _db = null!;
    private SqliteScanAllScheduleStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await MetadataDatabase.CreateAsync();
        _store = new SqliteScanAllScheduleStore(_db.Database);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Save_ThenFind_GivesTheSchedule_AndSavingAgainReplacesItAndForgetsTheLastFiring()
    {
        Assert.Null(await _store.FindAsync(default));
        await _store.SaveAsync("Daily", "0 0 0 * * *", T0, default);
        var daily = await _store.FindAsync(default);
        Assert.Equal(new ScanAllScheduleRecord("Daily", "0 0 0 * * *", T0, T0, null), daily);
        Assert.True(await _store.ClaimOccurrenceAsync(daily!, T0.AddDays(1), default));

        await _store.SaveAsync("Custom", "*/5 * * * * *", T0.AddDays(2), default);

        Assert.Equal(new ScanAllScheduleRecord("Custom", "*/5 * * * * *", T0, T0.AddDays(2), null), await _store.FindAsync(default));
    }

    [Fact]
    public async Task ClaimOccurrence_IsWonByOneOfTheProcessesThatReadTheSameRow()
    {
        await _store.SaveAsync("Custom", "*/5 * * * * *", T0, default);
        var seen = (await _store.FindAsync(default))!;
        // A second process on the same database file, as another replica would be.
        var other = new SqliteScanAllScheduleStore(new SqliteDatabase(_db.Database.FilePath));

        var results = await Task.WhenAll(
            _store.ClaimOccurrenceAsync(seen, T0.AddSeconds(5), default),
            other.ClaimOccurrenceAsync(seen, T0.AddSeconds(5), default));

        Assert.Single(results, won => won);
        Assert.Equal(T0.AddSeconds(5), (await _store.FindAsync(default))!.LastFiredAt);
        // The row read before the firing is stale now: claiming with it again fails; with the new row the next one is won.
        Assert.False(await _store.ClaimOccurrenceAsync(seen, T0.AddSeconds(10), default));
        var now = (await _store.FindAsync(default))!;
        Assert.False(await _store.ClaimOccurrenceAsync(now, T0.AddSeconds(5), default));
        Assert.True(await _store.ClaimOccurrenceAsync(now, T0.AddSeconds(10), default));
    }

    [Fact]
    public async Task ClaimOccurrence_FailsWhenTheScheduleChangedOrWasRemovedMeanwhile()
    {
        await _store.SaveAsync("Hourly", "0 0 * * * *", T0, default);
        var seen = (await _store.FindAsync(default))!;
        await _store.SaveAsync("Daily", "0 0 0 * * *", T0.AddMinutes(1), default);
        Assert.False(await _store.ClaimOccurrenceAsync(seen, T0.AddHours(1), default));

        Assert.True(await _store.DeleteAsync(default));
        Assert.False(await _store.DeleteAsync(default));
        Assert.Null(await _store.FindAsync(default));
        Assert.False(await _store.ClaimOccurrenceAsync(seen with { UpdatedAt = T0.AddMinutes(1), Type = "Daily", Cron = "0 0 0 * * *" }, T0.AddDays(1), default));
    }
}
