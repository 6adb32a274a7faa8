using System.Net;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using static Berth.IntegrationTests.Scanning.ScanCalls;

namespace Berth.IntegrationTests.Scanning;

/// <summary>
/// Scanning over time: scan all, re-matching stored reports after an advisory import without scanning again, and a
/// queue that survives a restart.
/// </summary>
public sealed class ScanLifecycleTests : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("berth-it-scan-life-").FullName;
    private BerthServer _server = null!;

    // Checked for new advisory imports every second, so the test does not wait the default 30 s.
    public async Task InitializeAsync() =>
        _server = await BerthServer.StartAsync(new Dictionary<string, string> { ["BERTH__Scanner__RematchInterval"] = "00:00:01" });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task ScanAll_ByTheAdministrator_ScansEveryImage_AndMetricsCountThem()
    {
        await CreateProjectAsync(_server, "everything", autoScan: false);
        await PushAsync(_server, TestImages.Minbase, "everything/base", "v1");
        await PushAsync(_server, TestImages.Node, "everything/node", "v1");
        const string body = """{"schedule":{"type":"Manual"}}""";
        var database = new ServerDatabase(_server);
        var user = await database.AddUserAsync("someone", "Someone-Password");
        await database.AddMemberAsync("everything", user, role: 1);

        using (var anonymous = _server.CreateAnonymousClient())
            await ApiCalls.ErrorMessageAsync(await anonymous.PostAsync("api/v2.0/system/scanAll/schedule", ApiCalls.Json(body)), HttpStatusCode.Unauthorized);
        // Administering a project is not enough: scan all is the system administrator's.
        using (var projectAdmin = ApiCalls.SignedIn(_server, "someone", "Someone-Password"))
            await ApiCalls.ErrorMessageAsync(await projectAdmin.PostAsync("api/v2.0/system/scanAll/schedule", ApiCalls.Json(body)), HttpStatusCode.Forbidden);
        using var admin = _server.CreateClient();
        await ApiCalls.ErrorMessageAsync(
            await admin.PostAsync("api/v2.0/system/scanAll/schedule", ApiCalls.Json("""{"schedule":{"type":"Often"}}""")), HttpStatusCode.BadRequest);

        using (var response = await admin.PostAsync("api/v2.0/system/scanAll/schedule", ApiCalls.Json(body)))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await WaitForSuccessAsync(admin, "everything", "base", "v1");
        await WaitForSuccessAsync(admin, "everything", "node", "v1");
        var metrics = await ApiImage.GetJsonAsync(admin, "api/v2.0/scans/all/metrics");
        Assert.Equal(2, metrics["total"]!.GetValue<int>());
        Assert.Equal(2, metrics["completed"]!.GetValue<int>());
        Assert.Equal(2, metrics["metrics"]!["Success"]!.GetValue<int>());
        Assert.False(metrics["ongoing"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AdvisoryImport_RematchesTheStoredReport_WithoutScanningAgain()
    {
        await CreateProjectAsync(_server, "rematch", autoScan: true);
        await PushAsync(_server, TestImages.Node, "rematch/node", "v1");
        using var client = _server.CreateClient();
        var before = await WaitForSuccessAsync(client, "rematch", "node", "v1");
        Assert.Equal(0, before["summary"]!["total"]!.GetValue<int>());
        // Were the image read again, its layers would have to be: take them away so a rescan could not succeed.
        var layout = await TestImages.LayoutAsync();
        var blobs = Path.Combine(_server.DataDirectory, "blobs");
        var layerFiles = layout.ContentDigests(layout.ManifestDigest(TestImages.Node))
            .Select(digest => Directory.EnumerateFiles(blobs, digest["sha256:".Length..], SearchOption.AllDirectories).Single())
            .ToList();
        Assert.NotEmpty(layerFiles);
        foreach (var file in layerFiles) File.Move(file, file + ".away");
        Directory.Delete(Path.Combine(_server.DataDirectory, "scan-cache"), recursive: true);

        await ImportExpressAdvisoryAsync(_server, _scratch);

        await Poll.UntilAsync(async () => (await OverviewAsync(client, "rematch", "node", "v1"))?["summary"]?["total"]?.GetValue<int>() == 1,
            TimeSpan.FromSeconds(60), "the stored report to be re-matched");
        var after = (await OverviewAsync(client, "rematch", "node", "v1"))!;
        Assert.Equal("Success", after["scan_status"]!.GetValue<string>());
        Assert.Equal("Critical", after["severity"]!.GetValue<string>());
        Assert.Equal(before["report_id"]!.GetValue<string>(), after["report_id"]!.GetValue<string>());
        Assert.Equal(before["end_time"]!.GetValue<string>(), after["end_time"]!.GetValue<string>());
        var addition = await ApiImage.GetJsonAsync(client, ArtifactPath("rematch", "node", "v1") + "/additions/vulnerabilities");
        Assert.Equal(ExpressAdvisoryId, Assert.Single(addition[ReportType]!["vulnerabilities"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_ResumesQueuedAndInterruptedScans()
    {
        await CreateProjectAsync(_server, "resume", autoScan: false);
        var baseDigest = await PushAsync(_server, TestImages.Minbase, "resume/base", "v1");
        var nodeDigest = await PushAsync(_server, TestImages.Node, "resume/node", "v1");
        await _server.StopAsync();
        // As the queue stood when the process stopped: one scan waiting, one halfway through.
        await QueueAsync(baseDigest, "resume/base", "Pending");
        await QueueAsync(nodeDigest, "resume/node", "Running");

        await _server.StartAgainAsync();

        using var client = _server.CreateClient();
        await WaitForSuccessAsync(client, "resume", "base", "v1");
        await WaitForSuccessAsync(client, "resume", "node", "v1");
    }

    private async Task QueueAsync(string digest, string repository, string status)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_server.DataDirectory, "berth.db"),
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO scan_report (digest, report_id, repository, status, requested_at, start_time)
            VALUES ($digest, $id, $repository, $status, $now, CASE WHEN $status = 'Running' THEN $now END);
            """;
        command.Parameters.AddWithValue("$digest", digest);
        command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("$repository", repository);
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
