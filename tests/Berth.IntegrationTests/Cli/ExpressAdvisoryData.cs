namespace Berth.IntegrationTests.Cli;

/// <summary>
/// A data directory holding one npm advisory for express, so the real debian-node image (express 4.16.4 in its
/// npm layer) has a language finding to report. shared/testdata has no npm advisories; this record is written
/// here after GHSA-rv95-896h-c2vc (CVE-2024-29041: express before 4.19.2, CVSS 3.1 6.1).
/// </summary>
public sealed class ExpressAdvisoryData : IAsyncLifetime
{
    public const string AdvisoryId = "GHSA-rv95-896h-c2vc";
    public const string FixedVersion = "4.19.2";

    private const string Record = """
        {
          "schema_version": "1.4.0",
          "id": "GHSA-rv95-896h-c2vc",
          "modified": "2024-03-26T00:00:00Z",
          "published": "2024-03-25T19:40:26Z",
          "aliases": ["CVE-2024-29041"],
          "summary": "Express.js Open Redirect in malformed URLs",
          "severity": [{ "type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N" }],
          "affected": [
            {
              "package": { "ecosystem": "npm", "name": "express" },
              "ranges": [{ "type": "SEMVER", "events": [{ "introduced": "0" }, { "fixed": "4.19.2" }] }]
            }
          ],
          "database_specific": { "severity": "MODERATE" }
        }
        """;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("berth-cli-").FullName;

    public async Task InitializeAsync()
    {
        var file = Path.Combine(DataDirectory, $"{AdvisoryId}.json");
        await File.WriteAllTextAsync(file, Record);
        (await BerthCli.RunAsync(["vulndb", "import", file, "--data", DataDirectory])).EnsureSucceeded();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(DataDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
