using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Cli;

/// <summary>
/// <c>berth scan PROJECT/REPO:TAG</c> on an image pushed with skopeo into a real <c>berth serve</c>, read afterwards
/// straight from the stopped server's data directory (metadata database and blob files).
/// </summary>
public sealed class ScanRegistryImageTests(GoBinaryLayout image) : IClassFixture<GoBinaryLayout>, IAsyncLifetime
{
    private BerthServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await BerthServer.StartAsync();
        await Skopeo.CopyAsync($"oci:{image.Directory}:{GoBinaryLayout.Tag}", $"docker://{_server.Host}/project/tools/gobinary:1.0");
        await _server.StopAsync();
        var golang = SharedTestData.Path("advisories", "golang-vulndb");
        (await BerthCli.RunAsync(["vulndb", "import", golang, "--data", _server.DataDirectory])).EnsureSucceeded();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ByTag_TheStoredImageIsScanned_AsItsLayoutIs()
    {
        var result = await BerthCli.RunAsync(["scan", "project/tools/gobinary:1.0", "--data", _server.DataDirectory, "--format", "harbor"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var stdlib = HarborReport.Parse(result.Output).Vulnerabilities.Where(v => v.Package == "stdlib").Select(v => v.Id).Distinct().ToList();
        Assert.Equal(131, stdlib.Count);
        Assert.Contains("GO-2021-0069", stdlib);
        // Reported as Harbor names the artifact: repository and tag apart, with the pushed manifest's digest.
        var artifact = System.Text.Json.Nodes.JsonNode.Parse(result.Output)!["artifact"]!;
        Assert.Equal("project/tools/gobinary", artifact["repository"]!.GetValue<string>());
        Assert.Equal("1.0", artifact["tag"]!.GetValue<string>());
        Assert.Equal(OciLayout.Open(image.Directory).ManifestDigest(GoBinaryLayout.Tag), artifact["digest"]!.GetValue<string>());
    }

    [Fact]
    public async Task ByDigest_NamesTheSameImage()
    {
        var digest = OciLayout.Open(image.Directory).ManifestDigest(GoBinaryLayout.Tag);

        var result = await BerthCli.RunAsync(["scan", $"project/tools/gobinary@{digest}", "--data", _server.DataDirectory, "--format", "harbor"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(digest, result.Output);
        Assert.Contains(HarborReport.Parse(result.Output).Vulnerabilities, v => v.Id == "GO-2021-0069");
    }

    [Fact]
    public async Task UnknownTag_IsAnImageError_NamingTheRegistry()
    {
        var result = await BerthCli.RunAsync(["scan", "project/tools/gobinary:2.0", "--data", _server.DataDirectory]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal($"berth scan: project/tools/gobinary:2.0 is not in the registry at {_server.DataDirectory}", Assert.Single(CliOutput.Lines(result.Error)));
    }

    [Fact]
    public async Task ReadingTheRegistry_ChangesNoBlob()
    {
        var blobs = Path.Combine(_server.DataDirectory, "blobs");
        var before = Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Order().ToList();

        (await BerthCli.RunAsync(["scan", "project/tools/gobinary:1.0", "--data", _server.DataDirectory])).EnsureSucceeded();

        Assert.Equal(before, Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Order());
    }
}
