using System.Net;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Scanning.ScanCalls;

namespace Berth.IntegrationTests.Scanning;

/// <summary>
/// The scanner inside the running registry, driven as Harbor's clients drive it: scan on push, the overview on
/// artifact listings, the vulnerabilities addition, and a manual scan with Harbor's answers for who may ask.
/// </summary>
public sealed class ScanOnPushTests : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("berth-it-scan-").FullName;
    private BerthServer _server = null!;

    public async Task InitializeAsync() => _server = await BerthServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task AutoScanProject_PushedNodeImage_IsScannedAndShowsHarborsOverviewAndReport()
    {
        await ImportExpressAdvisoryAsync(_server, _scratch);
        await CreateProjectAsync(_server, "scanned", autoScan: true);
        var digest = await PushAsync(_server, TestImages.Node, "scanned/node", "v1");
        using var client = _server.CreateClient();

        var overview = await WaitForSuccessAsync(client, "scanned", "node", "v1");

        Assert.Equal("Critical", overview["severity"]!.GetValue<string>());
        Assert.Equal(1, overview["summary"]!["total"]!.GetValue<int>());
        Assert.Equal(1, overview["summary"]!["fixable"]!.GetValue<int>());
        Assert.Equal(1, overview["summary"]!["summary"]!["Critical"]!.GetValue<int>());
        Assert.Equal(100, overview["complete_percent"]!.GetValue<int>());
        Assert.Equal("Berth", overview["scanner"]!["name"]!.GetValue<string>());
        Assert.True(Guid.TryParse(overview["report_id"]!.GetValue<string>(), out _));

        // The listing carries the same overview; without the flag, none.
        var list = (await ApiImage.GetJsonAsync(client, "api/v2.0/projects/scanned/repositories/node/artifacts?with_scan_overview=true")).AsArray();
        Assert.Equal(overview.ToJsonString(), Assert.Single(list)!["scan_overview"]![ReportType]!.ToJsonString());
        Assert.Null((await ApiImage.GetJsonAsync(client, ArtifactPath("scanned", "node", "v1")))["scan_overview"]);

        var addition = await ApiImage.GetJsonAsync(client, ArtifactPath("scanned", "node", "v1") + "/additions/vulnerabilities");
        var report = addition[ReportType]!;
        Assert.Equal("scanned/node", report["artifact"]!["repository"]!.GetValue<string>());
        Assert.Equal(digest, report["artifact"]!["digest"]!.GetValue<string>());
        Assert.Equal("Berth", report["scanner"]!["name"]!.GetValue<string>());
        Assert.Equal("Critical", report["severity"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(report["generated_at"]!.GetValue<string>(), out _));
        var vulnerability = Assert.Single(report["vulnerabilities"]!.AsArray())!;
        Assert.Equal(ExpressAdvisoryId, vulnerability["id"]!.GetValue<string>());
        Assert.Equal("express", vulnerability["package"]!.GetValue<string>());
        Assert.Equal("4.16.4", vulnerability["version"]!.GetValue<string>());
        Assert.Equal("4.16.5", vulnerability["fix_version"]!.GetValue<string>());
        Assert.Equal("Critical", vulnerability["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task AcceptHeaderWithoutBerthsReportType_LeavesOverviewAndAdditionOut()
    {
        await CreateProjectAsync(_server, "picky", autoScan: true);
        await PushAsync(_server, TestImages.Minbase, "picky/base", "v1");
        using var client = _server.CreateClient();
        await WaitForSuccessAsync(client, "picky", "base", "v1");

        client.DefaultRequestHeaders.Add("X-Accept-Vulnerabilities", "application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0");

        Assert.Null(await OverviewAsync(client, "picky", "base", "v1"));
        var addition = await ApiImage.GetJsonAsync(client, ArtifactPath("picky", "base", "v1") + "/additions/vulnerabilities");
        Assert.Empty(addition.AsObject());
    }

    [Fact]
    public async Task ProjectWithoutAutoScan_ScansOnlyWhenAsked()
    {
        await CreateProjectAsync(_server, "manual", autoScan: false);
        await PushAsync(_server, TestImages.Minbase, "manual/base", "v1");
        using var client = _server.CreateClient();
        Assert.Null(await OverviewAsync(client, "manual", "base", "v1"));

        using var response = await client.PostAsync(ArtifactPath("manual", "base", "v1") + "/scan", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var overview = await WaitForSuccessAsync(client, "manual", "base", "v1");
        // No advisory was imported: the scan succeeds and finds nothing.
        Assert.Equal("None", overview["severity"]!.GetValue<string>());
        Assert.Equal(0, overview["summary"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ScanRequest_AnswersAsHarborDoes_ForWhoAsksAndWhatIsAsked()
    {
        await CreateProjectAsync(_server, "guarded", autoScan: false);
        await PushAsync(_server, TestImages.Minbase, "guarded/base", "v1");
        var path = ArtifactPath("guarded", "base", "v1") + "/scan";
        var database = new ServerDatabase(_server);
        var developer = await database.AddUserAsync("dev1", "Dev1-Password");
        await database.AddMemberAsync("guarded", developer, role: 2);
        var maintainer = await database.AddUserAsync("maint1", "Maint1-Password");
        await database.AddMemberAsync("guarded", maintainer, role: 4);

        using (var anonymous = _server.CreateAnonymousClient())
        using (var response = await anonymous.PostAsync(path, null))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Harbor's developers may read scans but not start them.
        using (var client = ApiCalls.SignedIn(_server, "dev1", "Dev1-Password"))
            await ApiCalls.ErrorMessageAsync(await client.PostAsync(path, null), HttpStatusCode.Forbidden);
        using (var client = ApiCalls.SignedIn(_server, "maint1", "Maint1-Password"))
        using (var response = await client.PostAsync(path, null))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        using var admin = _server.CreateClient();
        await ApiCalls.ErrorMessageAsync(await admin.PostAsync(ArtifactPath("guarded", "base", "nope") + "/scan", null), HttpStatusCode.NotFound);

        // A manifest with no layers holds no files: 422, with the reason.
        var registry = new RegistryHttp(admin);
        var config = TestManifests.Config("empty");
        var configDigest = await registry.PushBlobOrFailAsync("guarded/empty", config);
        using (var put = await registry.PutManifestAsync("guarded/empty", "v1", TestManifests.Image((configDigest, config.Length)), TestManifests.OciManifest))
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var message = await ApiCalls.ErrorMessageAsync(await admin.PostAsync(ArtifactPath("guarded", "empty", "v1") + "/scan", null), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("no layers", message);
    }
}
