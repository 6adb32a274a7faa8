using System.Net;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using Berth.Metadata.Sqlite;
using Berth.Scanning.Advisories.Importers;
using Microsoft.Data.Sqlite;

namespace Berth.IntegrationTests.Scanning;

/// <summary>What the scanning tests share: projects with auto_scan, pushing the real images, reading overviews, importing advisories.</summary>
internal static class ScanCalls
{
    public const string ReportType = "application/vnd.security.vulnerability.report; version=1.1";

    /// <summary>A made-up advisory for the express 4.16.4 the node image carries: fixed in 4.16.5, CVSS 9.8.</summary>
    public const string ExpressAdvisoryId = "TEST-EXPRESS-0001";

    public static readonly TimeSpan ScanTimeout = TimeSpan.FromMinutes(3);

    public static async Task CreateProjectAsync(BerthServer server, string name, bool autoScan)
    {
        using var admin = server.CreateClient();
        var flag = autoScan ? "true" : "false";
        using var response = await admin.PostAsync("api/v2.0/projects", ApiCalls.Json(
            $$"""{"project_name":"{{name}}","metadata":{"auto_scan":"{{flag}}" } }"""));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>skopeo copies one of the real Debian images to <c>{repository}:{tag}</c>; returns its manifest digest.</summary>
    public static async Task<string> PushAsync(BerthServer server, string image, string repository, string tag)
    {
        var layout = await TestImages.LayoutAsync();
        await Skopeo.CopyAsync($"oci:{layout.Directory}:{image}", $"docker://{server.Host}/{repository}:{tag}");
        return layout.ManifestDigest(image);
    }

    public static string ArtifactPath(string project, string repository, string reference) =>
        $"api/v2.0/projects/{project}/repositories/{ApiImage.Segment(repository)}/artifacts/{reference}";

    /// <summary>The artifact's overview entry for Berth's report type, or null when the artifact has none.</summary>
    public static async Task<JsonNode?> OverviewAsync(HttpClient client, string project, string repository, string reference)
    {
        var artifact = await ApiImage.GetJsonAsync(client, ArtifactPath(project, repository, reference) + "?with_scan_overview=true");
        return artifact["scan_overview"]?[ReportType];
    }

    /// <summary>Polls until the overview says Success (failing at once on Error), and returns it.</summary>
    public static async Task<JsonNode> WaitForSuccessAsync(HttpClient client, string project, string repository, string reference)
    {
        JsonNode? overview = null;
        await Poll.UntilAsync(async () =>
        {
            overview = await OverviewAsync(client, project, repository, reference);
            var status = overview?["scan_status"]?.GetValue<string>();
            Assert.True(status != "Error", $"the scan failed: {overview?.ToJsonString()}");
            return status == "Success";
        }, ScanTimeout, $"the scan of {repository}:{reference} to succeed");
        return overview!;
    }

    /// <summary>Polls until the overview shows a finished scan (Success, Error or Stopped), and returns it.</summary>
    public static async Task<JsonNode> WaitForFinishAsync(HttpClient client, string project, string repository, string reference)
    {
        JsonNode? overview = null;
        await Poll.UntilAsync(async () =>
        {
            overview = await OverviewAsync(client, project, repository, reference);
            return overview?["scan_status"]?.GetValue<string>() is "Success" or "Error" or "Stopped";
        }, ScanTimeout, $"the scan of {repository}:{reference} to finish");
        return overview!;
    }

    /// <summary>
    /// Imports the express advisory into the running server's database, as <c>berth vulndb import</c> does from
    /// another process: through the advisory store on the same file.
    /// </summary>
    public static async Task ImportExpressAdvisoryAsync(BerthServer server, string scratch)
    {
        var file = Path.Combine(scratch, "TEST-EXPRESS-0001.json");
        await File.WriteAllTextAsync(file,
            $$"""
            {"schema_version":"1.6.0","id":"{{ExpressAdvisoryId}}","modified":"2025-01-01T00:00:00Z",
             "summary":"made-up advisory for express before 4.16.5",
             "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
             "affected":[{"package":{"ecosystem":"npm","name":"express"},
                          "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.16.5"}]}]}]}
            """);
        var database = new SqliteDatabase(Path.Combine(server.DataDirectory, "berth.db"));
        var result = await new AdvisoryImporter(new SqliteAdvisoryStore(database)).ImportAsync([file], default);
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors));
        Assert.Equal(1, result.Advisories);
        await using var connection = await database.OpenAsync(default);
        SqliteConnection.ClearPool(connection);
    }
}
