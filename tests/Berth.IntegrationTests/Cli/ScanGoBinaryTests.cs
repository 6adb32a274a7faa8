namespace Berth.IntegrationTests.Cli;

/// <summary>
/// <c>berth scan</c> on an image built here: debian-minbase with the go1.15.2 binary in a layer on top, matched
/// against all of shared/testdata/advisories.
/// </summary>
[Collection(ImportedDataDirectoryCollection.Name)]
public sealed class ScanGoBinaryTests(ImportedDataDirectory imported, GoBinaryLayout image) : IClassFixture<GoBinaryLayout>
{
    private Task<Infrastructure.ToolResult> ScanAsync(params string[] options) =>
        BerthCli.RunAsync(["scan", image.Reference, "--data", imported.DataDirectory, .. options]);

    [Fact]
    public async Task Harbor_ListsTheStdlibAdvisoriesOfGo1152_AsSourcesMdCountsThem()
    {
        var result = await ScanAsync("--format", "harbor");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = HarborReport.Parse(result.Output);
        var stdlib = report.Vulnerabilities.Where(v => v.Package == "stdlib").ToList();
        // SOURCES.md §1: 131 advisories match stdlib 1.15.2 (toolchain advisories are not for binaries).
        Assert.Equal(131, stdlib.Select(v => v.Id).Distinct().Count());
        var mathBig = Assert.Single(stdlib, v => v.Id == "GO-2021-0069");
        Assert.Equal("1.15.2", mathBig.Version.TrimStart('v'));
        Assert.Contains("1.15.5", mathBig.FixVersion);
        Assert.DoesNotContain(report.Vulnerabilities, v => v.Package == "toolchain");
    }

    [Fact]
    public async Task ExitCode_IsGiven_WhenAVulnerabilityAtTheKeptSeveritiesRemains()
    {
        // golang/vulndb carries no severity, so every stdlib finding is Unknown.
        var result = await ScanAsync("--format", "harbor", "--severity", "UNKNOWN", "--exit-code", "9");

        Assert.True(result.ExitCode == 9, result.ToString());
        Assert.Contains(HarborReport.Parse(result.Output).Vulnerabilities, v => v.Id == "GO-2021-0069");
    }

    [Fact]
    public async Task Severity_LeavesTheOthersOut_AndThenExitCodeDoesNotFire()
    {
        var result = await ScanAsync("--format", "harbor", "--severity", "LOW,MEDIUM,HIGH,CRITICAL", "--exit-code", "9");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = HarborReport.Parse(result.Output);
        Assert.DoesNotContain(report.Vulnerabilities, v => v.Severity == "Unknown");
        Assert.DoesNotContain(report.Vulnerabilities, v => v.Package == "stdlib");
    }

    [Fact]
    public async Task WithoutExitCode_FindingsStillExitZero_AndTheTableNamesTheBinary()
    {
        var result = await ScanAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(LayeredImage.GoBinaryPath, result.Output);
        Assert.Contains("GO-2021-0069", result.Output);
    }

    [Fact]
    public async Task Output_WritesTheReportToTheFile_AndNothingToStdout()
    {
        var file = Path.Combine(image.Directory, "..", "report.json");
        var result = await ScanAsync("--format", "harbor", "--output", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Output);
        Assert.Contains(HarborReport.Parse(await File.ReadAllTextAsync(file)).Vulnerabilities, v => v.Id == "GO-2021-0069");
    }

    [Fact]
    public async Task DockerArchive_SavedBySkopeo_ScansAsTheLayoutDoes_WithAndWithoutItsPrefix()
    {
        var archive = Path.Combine(image.Directory, "..", "gobinary.tar");
        if (!File.Exists(archive))
            await Infrastructure.Skopeo.CopyAsync($"oci:{image.Directory}:{GoBinaryLayout.Tag}", $"docker-archive:{archive}:tools/gobinary:1.0");

        var prefixed = await BerthCli.RunAsync(["scan", $"docker-archive:{archive}:tools/gobinary:1.0", "--data", imported.DataDirectory, "--format", "harbor"]);
        var plain = await BerthCli.RunAsync(["scan", archive, "--data", imported.DataDirectory, "--format", "harbor"]);

        foreach (var result in new[] { prefixed, plain })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(131, HarborReport.Parse(result.Output).Vulnerabilities.Where(v => v.Package == "stdlib").Select(v => v.Id).Distinct().Count());
        }
    }

    [Fact]
    public async Task PlainDirectoryWithTag_IsTheOciLayout()
    {
        var result = await BerthCli.RunAsync(["scan", $"{image.Directory}:{GoBinaryLayout.Tag}", "--data", imported.DataDirectory, "--format", "harbor"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(HarborReport.Parse(result.Output).Vulnerabilities, v => v.Id == "GO-2021-0069");
    }
}
