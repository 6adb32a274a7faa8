using Berth.Policy.Vulnerabilities;
using Berth.Scanning.Advisories;
using static Berth.Policy.Tests.Vulnerabilities.VulnerabilityScenario;

namespace Berth.Policy.Tests.Vulnerabilities;

public sealed class ReportFindingsCacheTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private PolicyDatabase _db = null!;
    private VulnerabilityScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _db = await PolicyDatabase.CreateAsync();
        _scenario = new VulnerabilityScenario(_db, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task FindingsAreParsedOncePerReportMatch_AndReadAgainAfterARematch()
    {
        await _scenario.ProjectAsync("shop");
        var image = await _scenario.PushImageAsync("shop/web", "a");
        var reportId = await _scenario.ScanAsync(image, Vulnerability("CVE-2024-1", Severity.High));
        var report = (await _scenario.Reports.FindAsync(image.Digest.ToString(), default))!;
        Assert.Equal("CVE-2024-1", Assert.Single((await _scenario.Cache.FindingsAsync(report, default))!).Id);

        // Were the document read again for the same match, this would be unreadable.
        await SetDocumentAsync(image.Digest.ToString(), "not json");
        Assert.Equal("CVE-2024-1", Assert.Single((await _scenario.Cache.FindingsAsync(report, default))!).Id);

        _clock.Now = _clock.Now.AddMinutes(1);
        await _scenario.RematchAsync(image, reportId, Vulnerability("CVE-2024-2", Severity.Critical));
        var rematched = (await _scenario.Reports.FindAsync(image.Digest.ToString(), default))!;
        var findings = Assert.Single((await _scenario.Cache.FindingsAsync(rematched, default))!);
        Assert.Equal(("CVE-2024-2", 5), (findings.Id, findings.SeverityCode));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"something":"else"}""")]
    public void Reader_RefusesWhatIsNotAScanDocument(string document) => Assert.Null(ReportFindingsReader.Read(document));

    private async Task SetDocumentAsync(string digest, string document)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE scan_report SET document = $document WHERE digest = $digest;";
        command.Parameters.AddWithValue("$document", document);
        command.Parameters.AddWithValue("$digest", digest);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
