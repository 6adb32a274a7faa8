using Berth.Scanning.Images;
using Berth.Scanning.Packages;
using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;

namespace Berth.Scanning.Tests.Reports;

/// <summary>A scanned directory has no digests and no layers; every format must still describe it sensibly.</summary>
public sealed class DirectoryReportTests
{
    private static readonly ScanReport Report = new()
    {
        Image = ImageToScan.ForDirectory("/src/project"),
        GeneratedAt = DateTimeOffset.UnixEpoch,
        Packages =
        [
            new Package { Name = "github.com/org/repo", Version = "", Ecosystem = Ecosystem.Go, FilePath = "go.mod" },
            new Package { Name = "smallvec", Version = "0.6.9", Ecosystem = Ecosystem.CratesIo, FilePath = "Cargo.lock" },
        ],
    };

    [Fact]
    public async Task TrivyJson_IsAFilesystemArtifact_WithoutImageMetadata()
    {
        var json = await ReportOutput.JsonAsync(new TrivyJsonFormat(), Report);

        Assert.Equal("filesystem", json.GetProperty("ArtifactType").GetString());
        Assert.Equal("/src/project", json.GetProperty("ArtifactName").GetString());
        var metadata = json.GetProperty("Metadata");
        Assert.False(metadata.TryGetProperty("ImageID", out _));
        Assert.False(metadata.TryGetProperty("DiffIDs", out _));
    }

    [Fact]
    public async Task CycloneDx_DescribesTheDirectoryAsAnApplication_WithoutDigestOrPurl()
    {
        var component = (await ReportOutput.JsonAsync(new CycloneDxFormat(), Report)).GetProperty("metadata").GetProperty("component");

        Assert.Equal("application", component.GetProperty("type").GetString());
        Assert.Equal("/src/project", component.GetProperty("name").GetString());
        Assert.False(component.TryGetProperty("purl", out _));
        Assert.False(component.TryGetProperty("version", out _));
    }

    [Fact]
    public async Task Spdx_DescribesASourcePackage_AndLeavesEmptyVersionsOut()
    {
        var packages = (await ReportOutput.JsonAsync(new SpdxFormat(), Report)).GetProperty("packages").EnumerateArray().ToList();

        var top = packages.Single(p => p.GetProperty("SPDXID").GetString() == "SPDXRef-Image");
        Assert.Equal("SOURCE", top.GetProperty("primaryPackagePurpose").GetString());
        Assert.False(top.TryGetProperty("externalRefs", out _));
        var root = packages.Single(p => p.GetProperty("name").GetString() == "github.com/org/repo");
        Assert.False(root.TryGetProperty("versionInfo", out _));
        Assert.Equal("0.6.9", packages.Single(p => p.GetProperty("name").GetString() == "smallvec").GetProperty("versionInfo").GetString());
    }

    [Fact]
    public async Task Table_NamesTheDirectory()
    {
        var text = await ReportOutput.TextAsync(new TableFormat(), Report);

        Assert.Contains("/src/project", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Digest:", text, StringComparison.Ordinal);
    }
}
