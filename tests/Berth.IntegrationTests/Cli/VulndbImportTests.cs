namespace Berth.IntegrationTests.Cli;

[Collection(ImportedDataDirectoryCollection.Name)]
public sealed class VulndbImportTests(ImportedDataDirectory imported)
{
    [Fact]
    public void ImportOfAllTestdata_PrintsTheCountsOfEachFeed_FromSourcesMd()
    {
        Assert.True(imported.Import.ExitCode == 0, imported.Import.ToString());
        var counts = CliOutput.CountsBySource(imported.Import.Output);

        // SOURCES.md: 4291 Go records (17 withdrawn), 1206 RustSec (13 withdrawn), 2661 PyPA (10 withdrawn).
        Assert.Equal(4291 - 17, counts["go-vulndb"]);
        Assert.Equal(1206 - 13, counts["rustsec"]);
        Assert.Equal(2661 - 10, counts["pypa"]);
        Assert.True(counts["alpine-secdb"] > 0, imported.Import.Output);
        Assert.Contains(" 40 withdrawn", imported.Import.Output);
    }

    [Fact]
    public void ImportOfAllTestdata_NamesEachBrokenFile_OnStderr()
    {
        var lines = CliOutput.Lines(imported.Import.Error);

        // Only trivy-db's deliberately broken fixtures fail; each is one line naming the file.
        var sad = Path.Combine(SharedTestData.Advisories, "trivy-db", "pkg", "vulnsrc", "alpine", "testdata", "sad", "vuln-list", "alpine", "ansible.json");
        Assert.Contains(lines, line => line.StartsWith($"berth vulndb import: {sad}: ", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.StartsWith($"berth vulndb import: {Path.Combine(SharedTestData.Advisories, "trivy-db")}", line));
        Assert.DoesNotContain(lines, line => line.Contains("golang-vulndb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_ListsEachFeedWithItsCount_AndTheLastImport()
    {
        var status = await BerthCli.RunAsync(["vulndb", "status", "--data", imported.DataDirectory]);

        Assert.True(status.ExitCode == 0, status.ToString());
        var lines = CliOutput.Lines(status.Output);
        Assert.Contains(lines, line => line.StartsWith("go-vulndb ", StringComparison.Ordinal) && line.Contains($" {4291 - 17} ") && line.EndsWith("https://vuln.go.dev", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("rustsec ", StringComparison.Ordinal) && line.Contains($" {1206 - 13} "));
        Assert.Contains(lines, line => line.StartsWith("pypa ", StringComparison.Ordinal) && line.Contains($" {2661 - 10} "));
        var rows = long.Parse(lines.Single(line => line.StartsWith("rows: ", StringComparison.Ordinal)).Split(' ')[1]);
        Assert.True(rows >= (4291 - 17) + (1206 - 13) + (2661 - 10), status.Output);
        Assert.Contains(lines, line => line.StartsWith("last import: ", StringComparison.Ordinal) && line.EndsWith(" ago)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_OfAPathThatDoesNotExist_FailsWithOneAndNamesIt()
    {
        var data = Directory.CreateTempSubdirectory("berth-cli-").FullName;
        try
        {
            var missing = Path.Combine(data, "no-such-feed");
            var result = await BerthCli.RunAsync(["vulndb", "import", missing, "--data", data]);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"berth vulndb import: {missing}: no such file or folder", result.Error);
            Assert.Contains("imported 0 advisories", result.Output);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Import_WithoutAPath_IsAUsageError()
    {
        var result = await BerthCli.RunAsync(["vulndb", "import"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("name at least one file, folder or zip archive", result.Error);
    }

    [Fact]
    public async Task Status_OfADataDirectoryWithoutADatabase_SaysSoAndCreatesNothing()
    {
        var data = Directory.CreateTempSubdirectory("berth-cli-").FullName;
        try
        {
            var result = await BerthCli.RunAsync(["vulndb", "status", "--data", data]);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"no advisory database at {Path.Combine(data, "berth.db")}", result.Error);
            Assert.Empty(Directory.EnumerateFileSystemEntries(data));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task UnknownSubcommand_IsAUsageError()
    {
        var result = await BerthCli.RunAsync(["vulndb", "refresh"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown subcommand 'refresh'", result.Error);
    }
}
