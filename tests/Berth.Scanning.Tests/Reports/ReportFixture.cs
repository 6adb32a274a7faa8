using Berth.Scanning.Advisories;
using Berth.Scanning.Images;
using Berth.Scanning.Layers;
using Berth.Scanning.Matching;
using Berth.Scanning.Packages;
using Berth.Scanning.Reports;

namespace Berth.Scanning.Tests.Reports;

/// <summary>
/// A realistic report: the real debian-node image's inventory (dpkg's packages plus express and its npm
/// dependencies) read once through every analyzer, with hand-made findings for a few of its packages and a
/// warning of each kind.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("berth-report-tests-").FullName;

    public ScanReport Report { get; private set; } = null!;

    public ImageToScan Image => Report.Image;

    public static DateTimeOffset GeneratedAt { get; } = new(2026, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        var load = await OciLayoutImage.LoadAsync(TestImages.RequireLayout(), "debian-node", null, default);
        if (load.Image is null) throw new InvalidOperationException(load.Error);
        var reader = new ImageInventoryReader(new CachedLayerAnalyzer(
            new LayerWalker(ImageAnalyzers.All()), new FileLayerAnalysisCache(Path.Combine(_scratch, "cache"))));
        var result = await reader.ReadAsync(load.Image, null, default);
        if (result.Inventory is null) throw new InvalidOperationException(result.Error);
        var inventory = result.Inventory with { Warnings = [.. result.Inventory.Warnings, "sha256:0000: dpkg: 'var/lib/dpkg/status' has 1 malformed lines; they were ignored"] };
        var match = new MatchResult(Findings(inventory.Packages), ["stdlib go1.22: not a valid Go version, not checked"]);
        Report = ScanReport.Of(load.Image, inventory, match, GeneratedAt);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_scratch, recursive: true);
        return Task.CompletedTask;
    }

    public Package Single(Ecosystem ecosystem, string name) =>
        Report.Packages.First(p => p.Ecosystem == ecosystem && p.Name == name);

    private static List<Finding> Findings(IReadOnlyList<Package> packages)
    {
        Package Find(Ecosystem ecosystem, string name) => packages.First(p => p.Ecosystem == ecosystem && p.Name == name);
        var libc = Find(Ecosystem.Debian, "libc6");
        var zlib = Find(Ecosystem.Debian, "zlib1g");
        var express = Find(Ecosystem.Npm, "express");
        var bodyParser = Find(Ecosystem.Npm, "body-parser");
        return
        [
            OsFinding(zlib, "CVE-2023-45853", Severity.Critical, [], AdvisoryStatus.WillNotFix,
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "zlib: integer overflow and heap-based buffer overflow in zipOpenNewFileInZip4_6"),
            OsFinding(libc, "CVE-2025-4802", Severity.High, ["2.36-9+deb12u99"], AdvisoryStatus.Fixed,
                "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, "glibc: static setuid binary dlopen may incorrectly search LD_LIBRARY_PATH"),
            OsFinding(libc, "TEMP-0290435-0B57B5", Severity.Low, [], AdvisoryStatus.Affected, null, null, null),
            LanguageFinding(express, "GHSA-qw6h-vgh9-j6wx", ["CVE-2024-43796"], Severity.Low, ["4.20.0", "5.0.0"],
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L", 5.0, "express vulnerable to XSS via response.redirect()"),
            LanguageFinding(bodyParser, "GHSA-qwcr-r2fm-qrc7", ["CVE-2024-45590"], Severity.High, ["1.20.3"],
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5, "body-parser vulnerable to denial of service when url encoding is enabled"),
        ];
    }

    private static Finding OsFinding(Package package, string id, Severity severity, string[] fixes, AdvisoryStatus status, string? vector, double? score, string? summary) => new()
    {
        AdvisoryId = id,
        PackageName = package.Name,
        AdvisoryPackage = package.SourceName ?? package.Name,
        Ecosystem = "Debian:12",
        InstalledVersion = package.Version,
        FixedVersions = fixes,
        Severity = severity,
        Status = status,
        CvssVector = vector,
        CvssScore = score,
        Summary = summary,
        Source = AdvisorySource.DebianTracker.Name,
        LayerDiffId = package.LayerDiffId,
        FilePath = package.FilePath,
    };

    private static Finding LanguageFinding(Package package, string id, string[] aliases, Severity severity, string[] fixes, string vector, double score, string summary) => new()
    {
        AdvisoryId = id,
        Aliases = aliases,
        PackageName = package.Name,
        AdvisoryPackage = package.Name,
        Ecosystem = "npm",
        InstalledVersion = package.Version,
        FixedVersions = fixes,
        Severity = severity,
        Status = AdvisoryStatus.Fixed,
        CvssVector = vector,
        CvssScore = score,
        Summary = summary,
        Source = AdvisorySource.Ghsa.Name,
        LayerDiffId = package.LayerDiffId,
        FilePath = package.FilePath,
    };
}
