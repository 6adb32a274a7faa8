using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Cli;

/// <summary><c>berth scan</c> on the real debian-node image (three layers, express 4.16.4 installed by npm).</summary>
public sealed class ScanDebianNodeTests(ExpressAdvisoryData data) : IClassFixture<ExpressAdvisoryData>
{
    private static async Task<string> ImageAsync() => $"oci:{(await TestImages.LayoutAsync()).Directory}:{TestImages.Node}";

    [Fact]
    public async Task Json_IsTrivysSchema_WithTheExpressFinding()
    {
        var result = await BerthCli.RunAsync(["scan", await ImageAsync(), "--data", data.DataDirectory, "--format", "json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonNode.Parse(result.Output)!;
        Assert.Equal(2, root["SchemaVersion"]!.GetValue<int>());
        Assert.Equal("debian", root["Metadata"]!["OS"]!["Family"]!.GetValue<string>());
        var vulnerabilities = root["Results"]!.AsArray().SelectMany(r => r!["Vulnerabilities"]?.AsArray() ?? []).ToList();
        var express = Assert.Single(vulnerabilities, v => v!["VulnerabilityID"]!.GetValue<string>() == ExpressAdvisoryData.AdvisoryId)!;
        Assert.Equal("express", express["PkgName"]!.GetValue<string>());
        Assert.Equal("4.16.4", express["InstalledVersion"]!.GetValue<string>());
        Assert.Equal(ExpressAdvisoryData.FixedVersion, express["FixedVersion"]!.GetValue<string>());
        Assert.Equal("MEDIUM", express["Severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task CycloneDx_HoldsExpress4164_AndEveryDpkgPackageDpkgListed_AndTheVulnerabilityAffectingExpress()
    {
        var result = await BerthCli.RunAsync(["scan", await ImageAsync(), "--data", data.DataDirectory, "--format", "cyclonedx"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var bom = JsonNode.Parse(result.Output)!;
        Assert.Equal("CycloneDX", bom["bomFormat"]!.GetValue<string>());
        var components = bom["components"]!.AsArray().Select(c => c!).ToList();
        var express = Assert.Single(components, c => c["name"]!.GetValue<string>() == "express");
        Assert.Equal("4.16.4", express["version"]!.GetValue<string>());
        Assert.Equal("pkg:npm/express@4.16.4", express["purl"]!.GetValue<string>());
        // debian-node adds no dpkg package to debian-minbase, whose list dpkg-query itself wrote beside the layout.
        var layout = await TestImages.LayoutAsync();
        var dpkgList = File.ReadAllLines(Path.Combine(layout.Directory, "debian-minbase.packages")).Where(line => line.Length > 0).ToList();
        Assert.Equal(dpkgList.Count, components.Count(c => c["purl"]?.GetValue<string>().StartsWith("pkg:deb/debian/", StringComparison.Ordinal) == true));
        var vulnerability = Assert.Single(bom["vulnerabilities"]!.AsArray(), v => v!["id"]!.GetValue<string>() == ExpressAdvisoryData.AdvisoryId)!;
        Assert.Contains(vulnerability["affects"]!.AsArray(), a => a!["ref"]!.GetValue<string>() == express["bom-ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task Spdx_HoldsExpress4164_WithItsPurl()
    {
        var result = await BerthCli.RunAsync(["scan", await ImageAsync(), "--data", data.DataDirectory, "--format", "spdx"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = JsonNode.Parse(result.Output)!;
        Assert.Equal("SPDX-2.3", document["spdxVersion"]!.GetValue<string>());
        var express = Assert.Single(document["packages"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "express")!;
        Assert.Equal("4.16.4", express["versionInfo"]!.GetValue<string>());
        Assert.Contains(express["externalRefs"]!.AsArray(), r => r!["referenceLocator"]!.GetValue<string>() == "pkg:npm/express@4.16.4");
    }

    [Fact]
    public async Task ExitCode_FiresForMedium_NotWhenOnlyHighAndCriticalAreKept()
    {
        var image = await ImageAsync();

        var medium = await BerthCli.RunAsync(["scan", image, "--data", data.DataDirectory, "--severity", "MEDIUM", "--exit-code", "7"]);
        var high = await BerthCli.RunAsync(["scan", image, "--data", data.DataDirectory, "--severity", "HIGH,CRITICAL", "--exit-code", "7"]);

        Assert.True(medium.ExitCode == 7, medium.ToString());
        Assert.Contains(ExpressAdvisoryData.AdvisoryId, medium.Output);
        Assert.True(high.ExitCode == 0, high.ToString());
        Assert.DoesNotContain(ExpressAdvisoryData.AdvisoryId, high.Output);
    }

    [Fact]
    public async Task ProgressBar_IsDrawnOnATerminalsStderr_NeverIntoTheReport()
    {
        var work = Directory.CreateTempSubdirectory("berth-cli-tty-").FullName;
        try
        {
            var report = Path.Combine(work, "report.json");
            var typescript = Path.Combine(work, "typescript");
            var berth = Path.Combine(AppContext.BaseDirectory, "Berth.dll");
            // script(1) gives the command a pseudo-terminal; stdout is sent to a file, so only stderr is the terminal.
            var command = $"dotnet '{berth}' scan '{await ImageAsync()}' --data '{data.DataDirectory}' --cache-dir '{Path.Combine(work, "cache")}' --format json > '{report}'";

            var result = await Tool.RunAsync("script", ["-q", "-e", "-c", command, typescript], TimeSpan.FromMinutes(5));

            Assert.True(result.ExitCode == 0, result.ToString());
            var terminal = await File.ReadAllTextAsync(typescript);
            Assert.Contains("scanning layers [", terminal);
            Assert.Contains("] 3/3", terminal);
            var json = await File.ReadAllTextAsync(report);
            Assert.DoesNotContain("scanning layers", json);
            Assert.NotNull(JsonNode.Parse(json));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task WhenStderrIsNotATerminal_NoProgressBarIsDrawn()
    {
        var result = await BerthCli.RunAsync(["scan", await ImageAsync(), "--data", data.DataDirectory, "--format", "json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("scanning layers", result.Error);
        Assert.DoesNotContain('\r', result.Error);
    }
}
