namespace Berth.IntegrationTests.Cli;

/// <summary>
/// What <c>berth scan</c> does when it cannot scan: one line on stderr naming the problem, nothing on stdout,
/// and the exit code the help documents (2 usage, 3 image, 4 layer, 5 database, 6 output).
/// </summary>
[Collection(ImportedDataDirectoryCollection.Name)]
public sealed class ScanErrorTests(ImportedDataDirectory imported, GoBinaryLayout image) : IClassFixture<GoBinaryLayout>
{
    private static void AssertOneLineFailure(Infrastructure.ToolResult result, int exitCode, string expected)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Equal("", result.Output);
        var line = Assert.Single(CliOutput.Lines(result.Error));
        Assert.StartsWith("berth scan: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task CorruptGzipLayer_IsALayerError_NamingTheLayer()
    {
        var layout = Infrastructure.OciLayout.Open(image.CorruptDirectory);
        var corruptLayer = layout.LayerDigests(layout.ManifestDigest(GoBinaryLayout.CorruptTag))[^1];

        var result = await BerthCli.RunAsync(["scan", image.CorruptReference, "--data", imported.DataDirectory, "--format", "harbor"]);

        AssertOneLineFailure(result, 4, $"layer {corruptLayer} could not be read");
    }

    [Fact]
    public async Task MissingDirectory_IsAnImageError()
    {
        var missing = Path.Combine(image.Directory, "..", "no-such-layout");

        var result = await BerthCli.RunAsync(["scan", $"oci:{missing}", "--data", imported.DataDirectory]);

        AssertOneLineFailure(result, 3, $"{missing} does not exist");
    }

    [Fact]
    public async Task TagNotInTheLayout_IsAnImageError_ListingTheTagsThere()
    {
        var result = await BerthCli.RunAsync(["scan", $"oci:{image.Directory}:latest", "--data", imported.DataDirectory]);

        AssertOneLineFailure(result, 3, $"has no image tagged 'latest' (it holds {GoBinaryLayout.Tag})");
    }

    [Fact]
    public async Task FileThatIsNotAnImage_IsAnImageError()
    {
        var result = await BerthCli.RunAsync(["scan", SharedTestData.GoBinary, "--data", imported.DataDirectory]);

        AssertOneLineFailure(result, 3, "it is not a docker-archive");
    }

    [Fact]
    public async Task DataDirectoryWithoutADatabase_IsADatabaseError_AndNothingIsCreated()
    {
        var empty = Directory.CreateTempSubdirectory("berth-cli-").FullName;
        try
        {
            var result = await BerthCli.RunAsync(["scan", image.Reference, "--data", empty]);

            AssertOneLineFailure(result, 5, $"no advisory database at {Path.Combine(empty, "berth.db")}");
            Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Theory]
    [InlineData("--severity", "SEVERE", "--severity lists 'SEVERE'")]
    [InlineData("--format", "sarif", "--format is 'sarif'; expected one of table, json, harbor, cyclonedx, spdx")]
    [InlineData("--exit-code", "-1", "--exit-code is '-1'")]
    [InlineData("--exit-code", "256", "--exit-code is '256'")]
    [InlineData("--platform", "linux", "--platform is 'linux'")]
    [InlineData("--colour", "yes", "unknown option '--colour'")]
    public async Task BadFlag_IsAUsageError(string flag, string value, string expected)
    {
        var result = await BerthCli.RunAsync(["scan", image.Reference, "--data", imported.DataDirectory, flag, value]);

        AssertOneLineFailure(result, 2, expected);
    }

    [Fact]
    public async Task OutputInAMissingDirectory_IsAnOutputError()
    {
        var target = Path.Combine(image.Directory, "no-such-dir", "report.json");

        var result = await BerthCli.RunAsync(["scan", image.Reference, "--data", imported.DataDirectory, "--format", "harbor", "--output", target]);

        AssertOneLineFailure(result, 6, $"cannot write {target}");
    }
}
