using Berth.Scanning.Advisories;
using Berth.Scanning.Images;
using Berth.Scanning.Layers;
using Berth.Scanning.Matching;
using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Storage;

namespace Berth.Scanning.Tests.Reports;

/// <summary>A report stored as a document reads back as the same report: inventory, findings, warnings, image identity.</summary>
public sealed class ScanReportDocumentTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("berth-report-doc-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static readonly Finding Express = new()
    {
        AdvisoryId = "GHSA-rv95-896h-c2vc",
        Aliases = ["CVE-2024-29041"],
        PackageName = "express",
        AdvisoryPackage = "express",
        Ecosystem = "npm",
        InstalledVersion = "4.16.4",
        FixedVersions = ["4.19.2", "5.0.0-beta.3"],
        Severity = Severity.Medium,
        CvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N",
        CvssScore = 6.1,
        Status = AdvisoryStatus.Fixed,
        Summary = "Express.js Open Redirect in malformed URLs",
        Source = "osv",
        LayerDiffId = "sha256:1111111111111111111111111111111111111111111111111111111111111111",
        FilePath = "usr/lib/node_modules/express/package.json",
    };

    private static readonly Finding Notice = new()
    {
        AdvisoryId = "RUSTSEC-2020-0036",
        PackageName = "failure",
        AdvisoryPackage = "failure",
        Ecosystem = "crates.io",
        InstalledVersion = "0.1.8",
        Status = AdvisoryStatus.Affected,
        Informational = "unmaintained",
        Source = "rustsec",
    };

    [Fact]
    public async Task RealNodeImageReport_RoundTripsField_ForField()
    {
        var load = await OciLayoutImage.LoadAsync(TestImages.RequireLayout(), "debian-node", null, default);
        var reader = new ImageInventoryReader(new CachedLayerAnalyzer(new LayerWalker(ImageAnalyzers.All()), new FileLayerAnalysisCache(_scratch)));
        var inventory = (await reader.ReadAsync(load.Image!, null, default)).Inventory!;
        var report = ScanReport.Of(load.Image!, inventory, new MatchResult([Express, Notice], ["no advisories for debian 12"]),
            DateTimeOffset.Parse("2025-01-02T03:04:05.678+00:00"));

        var text = ScanReportDocument.Serialize(report);
        var back = ScanReportDocument.Deserialize(text, out var error);

        Assert.Null(error);
        Assert.NotNull(back);
        Assert.Equal(report.GeneratedAt, back.GeneratedAt);
        Assert.Equal(report.OperatingSystem, back.OperatingSystem);
        Assert.Equal(report.Packages, back.Packages);
        Assert.True(report.Packages.Count > 100);
        Assert.Equal(report.InventoryWarnings, back.InventoryWarnings);
        Assert.Equal(["no advisories for debian 12"], back.MatchWarnings);
        Assert.Equal(report.Image with { Layers = [] }, back.Image with { Layers = [] });
        Assert.Equal(report.Image.Layers.Select(l => (l.DiffId, l.Digest)), back.Image.Layers.Select(l => (l.DiffId, l.Digest)));
        Assert.Equal(report.Summary.Total, back.Summary.Total);
        Assert.Equal(report.Summary.Fixable, back.Summary.Fixable);

        var express = back.Findings.Single(f => f.PackageName == "express");
        Assert.Equal(Express with { Aliases = [], FixedVersions = [] }, express with { Aliases = [], FixedVersions = [] });
        Assert.Equal(Express.Aliases, express.Aliases);
        Assert.Equal(Express.FixedVersions, express.FixedVersions);
        Assert.True(express.Fixable);
        Assert.False(back.Findings.Single(f => f.PackageName == "failure").IsVulnerability);
        // Stored again, it is the same text: nothing was lost or invented on the way.
        Assert.Equal(text, ScanReportDocument.Serialize(back));
    }

    [Fact]
    public async Task StoredReport_LayersCannotBeOpened()
    {
        var image = new ImageToScan("r", null, "sha256:c", "linux", "amd64", [new LayerToScan("sha256:d", "sha256:e", _ => Task.FromResult(Stream.Null))]);
        var back = ScanReportDocument.Deserialize(ScanReportDocument.Serialize(new ScanReport { Image = image, GeneratedAt = DateTimeOffset.UnixEpoch }), out var error);

        Assert.Null(error);

        await Assert.ThrowsAsync<InvalidOperationException>(() => back!.Image.Layers[0].Open(default));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"format":2,"image":{"name":"x","config_digest":"c","layers":[]},"generated_at":"2025-01-01T00:00:00Z","packages":[],"findings":[],"inventory_warnings":[],"match_warnings":[]}""")]
    public void SomethingElse_IsRefusedWithAReason(string text)
    {
        Assert.Null(ScanReportDocument.Deserialize(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
