using Berth.Scanning.Reports.Formats;

namespace Berth.Scanning.Tests.Reports;

[Collection(ReportCollection.Name)]
public sealed class ReportFormatsTests(ReportFixture fixture)
{
    [Fact]
    public void Names_AreTheFiveFormatsInHelpOrder()
    {
        Assert.Equal(["table", "json", "harbor", "cyclonedx", "spdx"], ReportFormats.Names);
        Assert.Equal("table, json, harbor, cyclonedx, spdx", ReportFormats.NameList);
    }

    [Theory]
    [InlineData("table", typeof(TableFormat))]
    [InlineData("JSON", typeof(TrivyJsonFormat))]
    [InlineData("Harbor", typeof(HarborVulnerabilityReport))]
    [InlineData(" cyclonedx ", typeof(CycloneDxFormat))]
    [InlineData("SPDX", typeof(SpdxFormat))]
    public void Find_IgnoresCase(string name, Type expected) => Assert.IsType(expected, ReportFormats.Find(name));

    [Theory]
    [InlineData("sarif")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownIsNull(string? name) => Assert.Null(ReportFormats.Find(name));

    [Fact]
    public void MediaTypes_AreDistinct() =>
        Assert.Equal(ReportFormats.All.Count, ReportFormats.All.Select(f => f.MediaType).Distinct().Count());

    [Fact]
    public async Task EveryFormat_WritesTheRealReportAndLeavesTheStreamOpen()
    {
        foreach (var format in ReportFormats.All)
        {
            using var output = new MemoryStream();
            await format.WriteAsync(fixture.Report, output, default);
            Assert.True(output.CanWrite, format.Name);
            Assert.True(output.Length > 1000, $"{format.Name} wrote {output.Length} bytes");
        }
    }

    [Fact]
    public async Task Cancellation_StopsAFormat()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        foreach (var format in ReportFormats.All)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => format.WriteAsync(fixture.Report, new MemoryStream(), cancelled.Token));
    }
}
