using System.Security.Cryptography;
using Berth.Jobs.Scanning;
using Berth.Scanning.Images;
using Berth.Scanning.Packages;
using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;
using Berth.Scanning.Reports.Storage;

namespace Berth.Jobs.Tests.Scanning;

public sealed class SbomDigestsTests
{
    private static readonly ScanReport Report = new()
    {
        Image = new ImageToScan("registry.example/team/app:v1", "sha256:" + new string('1', 64), "sha256:" + new string('2', 64), "linux", "amd64", []),
        GeneratedAt = new DateTimeOffset(2025, 3, 10, 10, 15, 30, TimeSpan.Zero),
        OperatingSystem = new OsRelease("debian", "12.9"),
        Packages =
        [
            new Package { Name = "libc6", Version = "2.36-9+deb12u9", Ecosystem = Ecosystem.Debian, SourceName = "glibc", FilePath = "var/lib/dpkg/status" },
            new Package { Name = "express", Version = "4.16.4", Ecosystem = Ecosystem.Npm, License = "MIT", FilePath = "app/node_modules/express/package.json" },
        ],
    };

    [Fact]
    public async Task TheDigest_IsTheSha256OfTheSpdxDocumentRenderedFromTheStoredReport()
    {
        var document = ScanReportDocument.Serialize(Report);
        using var rendered = new MemoryStream();
        await new SpdxFormat().WriteAsync(ScanReportDocument.Deserialize(document, out _)!, rendered, default);

        var digest = await SbomDigests.OfStoredAsync(document, default);

        Assert.Equal($"sha256:{Convert.ToHexStringLower(SHA256.HashData(rendered.ToArray()))}", digest);
        Assert.Equal(digest, await SbomDigests.OfStoredAsync(document, default));
    }

    [Fact]
    public async Task AnotherInventory_HasAnotherDigest_AndAnUnreadableDocumentNone()
    {
        var fewer = ScanReportDocument.Serialize(Report with { Packages = Report.Packages.Take(1).ToList() });

        Assert.NotEqual(await SbomDigests.OfStoredAsync(ScanReportDocument.Serialize(Report), default), await SbomDigests.OfStoredAsync(fewer, default));
        Assert.Null(await SbomDigests.OfStoredAsync("{not json", default));
    }
}
