using System.Net;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Scanning.ScanCalls;

namespace Berth.IntegrationTests.Scanning;

/// <summary>
/// Harbor's scan stop against the real server: <c>POST …/scan/stop</c> for one artifact and <c>POST
/// /system/scanAll/stop</c> for all; a stopped scan shows Stopped in the overview, and the artifact can be scanned again.
/// </summary>
public sealed class ScanStopTests : IAsyncLifetime
{
    private BerthServer _server = null!;

    public async Task InitializeAsync() => _server = await BerthServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string StopPath(string project, string repository, string reference) => ArtifactPath(project, repository, reference) + "/scan/stop";

    [Fact]
    public async Task StoppingARunningScan_EndsItStopped_NotError_AndARescanSucceeds()
    {
        await CreateProjectAsync(_server, "halt", autoScan: false);
        await PushAsync(_server, TestImages.Node, "halt/node", "v1");
        using var admin = _server.CreateClient();

        // Never scanned: Harbor's 404.
        var never = await ApiCalls.ErrorMessageAsync(await admin.PostAsync(StopPath("halt", "node", "v1"), null), HttpStatusCode.NotFound);
        Assert.Contains("no scan", never);

        // The first scan reads every layer (nothing is cached yet), long enough to be caught Running.
        using (var response = await admin.PostAsync(ArtifactPath("halt", "node", "v1") + "/scan", null))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Poll.UntilAsync(async () => (await OverviewAsync(admin, "halt", "node", "v1"))?["scan_status"]?.GetValue<string>() == "Running",
            ScanTimeout, "the scan to be running");
        var running = (await OverviewAsync(admin, "halt", "node", "v1"))!;

        using (var response = await admin.PostAsync(StopPath("halt", "node", "v1"), ApiCalls.Json("""{"scan_type":"vulnerability"}""")))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var stopped = (await OverviewAsync(admin, "halt", "node", "v1"))!;
        Assert.Equal("Stopped", stopped["scan_status"]!.GetValue<string>());
        Assert.Equal(running["report_id"]!.GetValue<string>(), stopped["report_id"]!.GetValue<string>());
        Assert.Null(stopped["summary"]);
        // The worker's scan was cancelled, not left to run to its end (whose result the Stopped row would refuse).
        var reportId = stopped["report_id"]!.GetValue<string>();
        await Poll.UntilAsync(() => _server.Log.Contains($"(report {reportId}) was stopped", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the worker to cancel the stopped scan");
        Assert.DoesNotContain("scanned halt/node", _server.Log);
        Assert.DoesNotContain("failed", _server.Log);
        var log = await admin.GetStringAsync(ArtifactPath("halt", "node", "v1") + $"/scan/{stopped["report_id"]!.GetValue<string>()}/log");
        Assert.Contains("status: Stopped", log);
        Assert.DoesNotContain("error:", log);

        // The cancelled worker is free again: a new scan of the same image runs to the end.
        using (var response = await admin.PostAsync(ArtifactPath("halt", "node", "v1") + "/scan", null))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var done = await WaitForSuccessAsync(admin, "halt", "node", "v1");
        Assert.NotEqual(stopped["report_id"]!.GetValue<string>(), done["report_id"]!.GetValue<string>());

        // Stopping a finished scan is accepted and changes nothing, as in Harbor.
        using (var response = await admin.PostAsync(StopPath("halt", "node", "v1"), null))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Success", (await OverviewAsync(admin, "halt", "node", "v1"))!["scan_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task StoppingAScan_NeedsScanStop_WhichMaintainersHaveAndDevelopersDoNot()
    {
        await CreateProjectAsync(_server, "roles", autoScan: false);
        await PushAsync(_server, TestImages.Minbase, "roles/base", "v1");
        var database = new ServerDatabase(_server);
        await database.AddMemberAsync("roles", await database.AddUserAsync("dev", "Developer-Password1"), role: 2);
        await database.AddMemberAsync("roles", await database.AddUserAsync("keeper", "Maintainer-Password1"), role: 4);
        using var admin = _server.CreateClient();
        await WaitForScanAsync(admin, "roles", "base");

        using (var anonymous = _server.CreateAnonymousClient())
            await ApiCalls.ErrorMessageAsync(await anonymous.PostAsync(StopPath("roles", "base", "v1"), null), HttpStatusCode.Unauthorized);
        using (var developer = ApiCalls.SignedIn(_server, "dev", "Developer-Password1"))
            await ApiCalls.ErrorMessageAsync(await developer.PostAsync(StopPath("roles", "base", "v1"), null), HttpStatusCode.Forbidden);
        using (var maintainer = ApiCalls.SignedIn(_server, "keeper", "Maintainer-Password1"))
        using (var response = await maintainer.PostAsync(StopPath("roles", "base", "v1"), null))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await ApiCalls.ErrorMessageAsync(
            await admin.PostAsync(StopPath("roles", "base", "v1"), ApiCalls.Json("""{"scan_type":"secrets"}""")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task StopAll_StopsEveryQueuedAndRunningScan_AndIsTheAdministratorsOnly()
    {
        await CreateProjectAsync(_server, "many", autoScan: false);
        await PushAsync(_server, TestImages.Node, "many/node", "v1");
        await PushAsync(_server, TestImages.Minbase, "many/base", "v1");
        await new ServerDatabase(_server).AddUserAsync("someone", "Someone-Password1");
        using var admin = _server.CreateClient();

        // Nothing pending or running: Harbor's 400.
        await ApiCalls.ErrorMessageAsync(await admin.PostAsync("api/v2.0/system/scanAll/stop", null), HttpStatusCode.BadRequest);
        using (var response = await admin.PostAsync("api/v2.0/system/scanAll/schedule", ApiCalls.Json("""{"schedule":{"type":"Manual"}}""")))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using (var someone = ApiCalls.SignedIn(_server, "someone", "Someone-Password1"))
            await ApiCalls.ErrorMessageAsync(await someone.PostAsync("api/v2.0/system/scanAll/stop", null), HttpStatusCode.Forbidden);

        // One worker: while it reads the first image's layers (none cached yet), the other waits in the queue.
        using (var response = await admin.PostAsync("api/v2.0/system/scanAll/stop", null))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var statuses = new[] { await OverviewAsync(admin, "many", "node", "v1"), await OverviewAsync(admin, "many", "base", "v1") }
            .Select(o => o!["scan_status"]!.GetValue<string>()).ToList();
        Assert.All(statuses, status => Assert.Contains(status, new[] { "Stopped", "Success" }));
        Assert.Contains("Stopped", statuses);
        var metrics = await ApiImage.GetJsonAsync(admin, "api/v2.0/scans/all/metrics");
        Assert.False(metrics["ongoing"]!.GetValue<bool>());
        Assert.Equal(statuses.Count(s => s == "Stopped"), metrics["metrics"]!["Stopped"]!.GetValue<int>());
        await ApiCalls.ErrorMessageAsync(await admin.PostAsync("api/v2.0/system/scanAll/stop", null), HttpStatusCode.BadRequest);
    }

    private static async Task WaitForScanAsync(HttpClient client, string project, string repository)
    {
        using (var response = await client.PostAsync(ArtifactPath(project, repository, "v1") + "/scan", null))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitForSuccessAsync(client, project, repository, "v1");
    }
}
