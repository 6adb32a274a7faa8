using Berth.IntegrationTests.Infrastructure;

namespace Berth.IntegrationTests.Cli;

/// <summary>
/// A data directory into which <c>berth vulndb import</c> has taken all of <c>shared/testdata/advisories</c>,
/// once for every test of the collection: the import's own output is checked, and scans match against it.
/// </summary>
public sealed class ImportedDataDirectory : IAsyncLifetime
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("berth-cli-").FullName;

    public ToolResult Import { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Import = await BerthCli.RunAsync(["vulndb", "import", SharedTestData.Advisories, "--data", DataDirectory], timeout: TimeSpan.FromMinutes(10));

    public Task DisposeAsync()
    {
        Directory.Delete(DataDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
