using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Cli;

/// <summary><c>berth vulndb update</c> against a local mirror on loopback; osv.dev itself is never contacted.</summary>
public sealed class VulndbUpdateTests : IAsyncLifetime
{
    private const int GoRecords = 40;
    private readonly string _data = Directory.CreateTempSubdirectory("berth-cli-").FullName;
    private AdvisoryMirror _mirror = null!;

    public Task InitializeAsync()
    {
        _mirror = AdvisoryMirror.Start(new Dictionary<string, byte[]> { ["/Go/all.zip"] = AdvisoryArchive.Of(AdvisoryArchive.GoRecords(GoRecords)) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _mirror.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Update_ImportsWhatTheMirrorServes_AndReportsEachSourceThatFailed()
    {
        var missing = _mirror.Url("PyPI/all.zip");
        var unreachable = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/npm/all.zip");

        var result = await BerthCli.RunAsync(
            ["vulndb", "update", "--data", _data, "--source", _mirror.Url("Go/all.zip").ToString(), "--source", missing.ToString(), "--source", unreachable.ToString()]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(GoRecords, CliOutput.CountsBySource(result.Output)["go-vulndb"]);
        var errors = CliOutput.Lines(result.Error);
        Assert.Contains($"berth vulndb update: {missing}: the server answered 404 Not Found", errors);
        Assert.Contains(errors, line => line.StartsWith($"berth vulndb update: {unreachable}: ", StringComparison.Ordinal));
        Assert.Equal(2, errors.Count);

        var status = await BerthCli.RunAsync(["vulndb", "status", "--data", _data]);
        Assert.Contains(CliOutput.Lines(status.Output), line => line.StartsWith("go-vulndb ", StringComparison.Ordinal) && line.Contains($" {GoRecords} "));
    }

    [Fact]
    public async Task Update_TakesItsSourcesFromTheConfigurationFile()
    {
        var config = Path.Combine(_data, "berth.yaml");
        await File.WriteAllTextAsync(config, $"""
            Scanner:
              AdvisorySources:
                - {_mirror.Url("Go/all.zip")}
            """);

        var result = await BerthCli.RunAsync(["vulndb", "update", "--config", config, "--data", _data]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"fetching {_mirror.Url("Go/all.zip")}", result.Output);
        Assert.Equal(GoRecords, CliOutput.CountsBySource(result.Output)["go-vulndb"]);
        Assert.Equal(1, _mirror.Requests);
    }

    [Fact]
    public async Task Update_WhenEverySourceFails_ExitsWithOne_AndTheSizeCapIsNamed()
    {
        // Sources and the cap from the environment, as a deployment would set them.
        var environment = new Dictionary<string, string>
        {
            ["BERTH__Scanner__AdvisorySources__0"] = _mirror.Url("Go/all.zip").ToString(),
            ["BERTH__Scanner__AdvisoryDownloadMaxBytes"] = "1000",
        };

        var result = await BerthCli.RunAsync(["vulndb", "update", "--data", _data], environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"berth vulndb update: {_mirror.Url("Go/all.zip")}: the archive is ", result.Error);
        Assert.Contains("more than the limit of 1000", result.Error);
        Assert.Contains("no advisory source could be fetched", result.Error);
        Assert.Equal(1, _mirror.Requests);
    }

    [Fact]
    public async Task Update_WithASourceThatIsNotAnHttpUrl_IsAUsageError_AndFetchesNothing()
    {
        var result = await BerthCli.RunAsync(["vulndb", "update", "--data", _data, "--source", "ftp://mirror.example/Go/all.zip"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--source is 'ftp://mirror.example/Go/all.zip'; expected an http or https URL", result.Error);
        Assert.False(File.Exists(Path.Combine(_data, "berth.db")));
    }
}
