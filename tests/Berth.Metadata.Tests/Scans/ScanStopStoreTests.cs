using Berth.Metadata.Scans;
using Berth.Metadata.Sqlite;
using Berth.Metadata.Tests.Sqlite;

namespace Berth.Metadata.Tests.Scans;

/// <summary>Stopping scans in the report rows, and the SBOM digest stored with a successful report.</summary>
public sealed class ScanStopStoreTests : IAsyncLifetime
{
    private const string DigestA = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string DigestB = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string DigestC = "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";
    private const string Sbom = "sha256:5b0e5b0e5b0e5b0e5b0e5b0e5b0e5b0e5b0e5b0e5b0e5b0e5b0e5b0e5b0e5b0e";
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly ScanSummaryCounts Summary = new("High", 5, 3, 0, 2, 2, 1, 0);

    private MetadataDatabase _db = null!;
    private SqliteScanReportStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await MetadataDatabase.CreateAsync();
        _store = new SqliteScanReportStore(_db.Database);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Stop_EndsPendingAndRunningScans_AndLeavesFinishedOnes()
    {
        await _store.RequestManyAsync([new("p/r", DigestA), new("p/r", DigestB), new("p/r", DigestC)], T0, default);
        var running = await _store.ClaimNextAsync("Berth", "1.0", T0.AddSeconds(1), default);
        Assert.Equal(DigestA, running!.Digest);
        var finished = await _store.ClaimNextAsync("Berth", "1.0", T0.AddSeconds(1), default);
        Assert.True(await _store.CompleteAsync(finished!.ReportId, Summary, "{}", T0.AddSeconds(2), default));
        var pending = await _store.FindAsync(DigestC, default);

        var stopped = await _store.StopAsync([DigestA, DigestB, DigestC], T0.AddSeconds(5), default);

        Assert.Equal(new[] { running.ReportId, pending!.ReportId }.Order(StringComparer.Ordinal), stopped.Order(StringComparer.Ordinal));
        Assert.Equal(ScanStatus.Stopped, (await _store.FindAsync(DigestA, default))!.Status);
        Assert.Equal(T0.AddSeconds(5), (await _store.FindAsync(DigestA, default))!.EndTime);
        Assert.Equal(T0.AddSeconds(1), (await _store.FindAsync(DigestA, default))!.StartTime);
        Assert.Equal(ScanStatus.Stopped, (await _store.FindAsync(DigestC, default))!.Status);
        Assert.Equal(ScanStatus.Success, (await _store.FindAsync(DigestB, default))!.Status);
        // A stopped scan leaves the queue: no worker claims it.
        Assert.Null(await _store.ClaimNextAsync("Berth", "1.0", T0.AddSeconds(6), default));
    }

    [Fact]
    public async Task AWorkerFinishingAStoppedScan_ChangesNothing_AndTheArtifactCanBeScannedAgain()
    {
        await _store.RequestAsync(new("p/r", DigestA), T0, default);
        var running = await _store.ClaimNextAsync("Berth", "1.0", T0, default);
        Assert.Single(await _store.StopAsync([DigestA], T0.AddSeconds(1), default));

        Assert.False(await _store.CompleteAsync(running!.ReportId, Summary, "{}", Sbom, T0.AddSeconds(2), default));
        Assert.False(await _store.FailAsync(running.ReportId, "cancelled", T0.AddSeconds(2), default));
        var report = await _store.FindAsync(DigestA, default);
        Assert.Equal(ScanStatus.Stopped, report!.Status);
        Assert.Null(report.Error);
        Assert.Null(report.Summary);

        Assert.True(await _store.RequestAsync(new("p/r", DigestA), T0.AddSeconds(3), default));
        Assert.Equal(ScanStatus.Pending, (await _store.FindAsync(DigestA, default))!.Status);
    }

    [Fact]
    public async Task StopAll_StopsEveryPendingAndRunningScan()
    {
        await _store.RequestManyAsync([new("p/r", DigestA), new("p/r", DigestB)], T0, default);
        await _store.ClaimNextAsync("Berth", "1.0", T0, default);

        Assert.Equal(2, (await _store.StopAllAsync(T0.AddSeconds(1), default)).Count);
        Assert.Empty(await _store.StopAllAsync(T0.AddSeconds(2), default));

        var counts = await _store.CountByStatusAsync(default);
        Assert.Equal(2, counts[ScanStatus.Stopped]);
        Assert.Single(counts);
    }

    [Fact]
    public async Task SbomDigest_IsStoredWithTheReport_ReplacedByARematch_AndClearedByARescan()
    {
        await _store.RequestAsync(new("p/r", DigestA), T0, default);
        var running = await _store.ClaimNextAsync("Berth", "1.0", T0, default);
        Assert.True(await _store.CompleteAsync(running!.ReportId, Summary, "{}", Sbom, T0.AddSeconds(1), default));
        Assert.Equal(Sbom, (await _store.FindAsync(DigestA, default))!.SbomDigest);

        var rematched = Sbom.Replace("5b0e", "0e5b", StringComparison.Ordinal);
        Assert.True(await _store.UpdateMatchAsync(running.ReportId, Summary, "{}", rematched, T0.AddSeconds(2), default));
        Assert.Equal(rematched, (await _store.FindManyAsync([DigestA], default))[DigestA].SbomDigest);

        await _store.RequestAsync(new("p/r", DigestA), T0.AddSeconds(3), default);
        Assert.Null((await _store.FindAsync(DigestA, default))!.SbomDigest);
    }
}
