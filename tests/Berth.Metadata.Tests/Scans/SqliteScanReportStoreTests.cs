using Berth.Metadata.Scans;
using Berth.Metadata.Sqlite;
using Berth.Metadata.Tests.Sqlite;

namespace Berth.Metadata.Tests.Scans;

public sealed class SqliteScanReportStoreTests : IAsyncLifetime
{
    private const string DigestA = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string DigestB = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
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
    public async Task Request_ThenClaim_GivesTheOldestPendingAsRunning()
    {
        var project = await _db.Projects.CreateAsync("proj", null, new Dictionary<string, string>(), default);
        await _db.PushImageAsync("proj/app", "v1", "one");
        Assert.True(await _store.RequestAsync(new ScanRequest("proj/app", DigestB), T0.AddSeconds(1), default));
        Assert.True(await _store.RequestAsync(new ScanRequest("proj/app", DigestA), T0, default));

        var claimed = await _store.ClaimNextAsync("Berth", "1.0", T0.AddSeconds(5), default);

        Assert.NotNull(claimed);
        Assert.Equal(DigestA, claimed.Digest);
        Assert.Equal(ScanStatus.Running, claimed.Status);
        Assert.Equal(T0.AddSeconds(5), claimed.StartTime);
        Assert.Equal("Berth", claimed.ScannerName);
        Assert.Equal(project!.Id, claimed.ProjectId);
        Assert.Equal(DigestB, (await _store.ClaimNextAsync("Berth", "1.0", T0, default))!.Digest);
        Assert.Null(await _store.ClaimNextAsync("Berth", "1.0", T0, default));
    }

    [Fact]
    public async Task Request_WhilePendingOrRunning_ChangesNothing()
    {
        Assert.True(await _store.RequestAsync(new ScanRequest("p/r", DigestA), T0, default));
        var first = await _store.FindAsync(DigestA, default);
        Assert.False(await _store.RequestAsync(new ScanRequest("p/r", DigestA), T0.AddSeconds(1), default));
        await _store.ClaimNextAsync("Berth", "1.0", T0, default);
        Assert.False(await _store.RequestAsync(new ScanRequest("p/r", DigestA), T0.AddSeconds(2), default));

        var now = await _store.FindAsync(DigestA, default);
        Assert.Equal(first!.ReportId, now!.ReportId);
        Assert.Equal(ScanStatus.Running, now.Status);
    }

    [Fact]
    public async Task Complete_StoresSummaryAndDocument_AndARescanStartsOverWithANewId()
    {
        await _store.RequestAsync(new ScanRequest("p/r", DigestA), T0, default);
        var running = await _store.ClaimNextAsync("Berth", "1.0", T0.AddSeconds(1), default);
        Assert.True(await _store.CompleteAsync(running!.ReportId, Summary, """{"doc":1}""", T0.AddSeconds(9), default));

        var done = await _store.FindDocumentAsync(DigestA, default);
        Assert.NotNull(done);
        Assert.Equal("""{"doc":1}""", done.Document);
        Assert.Equal(ScanStatus.Success, done.Report.Status);
        Assert.Equal(Summary, done.Report.Summary);
        Assert.Equal(T0.AddSeconds(9), done.Report.EndTime);
        Assert.Equal(T0.AddSeconds(1), done.Report.MatchedAt);

        Assert.True(await _store.RequestAsync(new ScanRequest("p/other", DigestA), T0.AddSeconds(20), default));
        var again = await _store.FindAsync(DigestA, default);
        Assert.Equal(ScanStatus.Pending, again!.Status);
        Assert.NotEqual(running.ReportId, again.ReportId);
        Assert.Equal("p/other", again.Repository);
        Assert.Null(again.Summary);
        Assert.Null(await _store.FindDocumentAsync(DigestA, default));
        // The worker holding the old id cannot write over the new request.
        Assert.False(await _store.CompleteAsync(running.ReportId, Summary, "{}", T0.AddSeconds(21), default));
        Assert.False(await _store.FailAsync(running.ReportId, "late", T0.AddSeconds(21), default));
    }

    [Fact]
    public async Task Fail_KeepsTheMessage_AndTheReportCanBeRequestedAgain()
    {
        await _store.RequestAsync(new ScanRequest("p/r", DigestA), T0, default);
        var running = await _store.ClaimNextAsync("Berth", "1.0", T0, default);
        Assert.True(await _store.FailAsync(running!.ReportId, "layer sha256:x could not be read", T0.AddSeconds(3), default));

        var failed = await _store.FindAsync(DigestA, default);
        Assert.Equal(ScanStatus.Error, failed!.Status);
        Assert.Equal("layer sha256:x could not be read", failed.Error);
        Assert.True(await _store.RequestAsync(new ScanRequest("p/r", DigestA), T0.AddSeconds(4), default));
    }

    [Fact]
    public async Task RequeueRunning_PutsInterruptedScansBackInTheQueue()
    {
        await _store.RequestManyAsync([new ScanRequest("p/r", DigestA), new ScanRequest("p/r", DigestB)], T0, default);
        await _store.ClaimNextAsync("Berth", "1.0", T0, default);

        Assert.Equal(1, await _store.RequeueRunningAsync(default));

        var counts = await _store.CountByStatusAsync(default);
        Assert.Equal(2, counts[ScanStatus.Pending]);
        Assert.False(counts.ContainsKey(ScanStatus.Running));
    }

    [Fact]
    public async Task ListMatchedBefore_GivesSuccessfulReportsOlderThanTheImport_AndUpdateMatchMovesThemPast()
    {
        await _store.RequestManyAsync([new ScanRequest("p/r", DigestA), new ScanRequest("p/r", DigestB)], T0, default);
        var a = await _store.ClaimNextAsync("Berth", "1.0", T0.AddSeconds(1), default);
        await _store.CompleteAsync(a!.ReportId, Summary, "a", T0.AddSeconds(2), default);
        var b = await _store.ClaimNextAsync("Berth", "1.0", T0.AddSeconds(1), default);
        await _store.FailAsync(b!.ReportId, "broken", T0.AddSeconds(2), default);

        var stale = Assert.Single(await _store.ListMatchedBeforeAsync(T0.AddSeconds(60), 10, default));
        Assert.Equal(DigestA, stale.Report.Digest);
        Assert.Empty(await _store.ListMatchedBeforeAsync(T0, 10, default));

        var rematched = Summary with { Severity = "Critical", Total = 6, Critical = 1 };
        Assert.True(await _store.UpdateMatchAsync(a.ReportId, rematched, "a2", T0.AddSeconds(61), default));

        Assert.Empty(await _store.ListMatchedBeforeAsync(T0.AddSeconds(60), 10, default));
        var updated = await _store.FindDocumentAsync(DigestA, default);
        Assert.Equal("a2", updated!.Document);
        Assert.Equal(rematched, updated.Report.Summary);
        Assert.Equal(T0.AddSeconds(2), updated.Report.EndTime);
    }

    [Fact]
    public async Task FindMany_GivesOnlyTheDigestsWithReports()
    {
        await _store.RequestAsync(new ScanRequest("p/r", DigestA), T0, default);

        var found = await _store.FindManyAsync([DigestA, DigestB], default);

        Assert.Equal([DigestA], found.Keys);
        Assert.Equal(ScanStatus.Pending, found[DigestA].Status);
    }

    [Fact]
    public async Task ListImageArtifacts_PagesThroughImageManifestsOnly()
    {
        var first = await _db.PushImageAsync("p/one", "v1", "one");
        await _db.PushImageAsync("p/chart", "v1", "chart", artifactType: "application/vnd.cncf.helm.config.v1+json");
        var second = await _db.PushImageAsync("p/two", null, "two");

        var page = await _store.ListImageArtifactsAsync(0, 1, default);
        var rest = await _store.ListImageArtifactsAsync(Assert.Single(page).Row, 10, default);

        Assert.Equal(("p/one", first.Digest.ToString()), (page[0].Repository, page[0].Digest));
        Assert.Equal([("p/two", second.Digest.ToString())], rest.Select(c => (c.Repository, c.Digest)));
        Assert.Equal(second.Content, rest[0].Content);
    }
}
