using System.Net;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Policy.PullPreventionCalls;
using static Berth.IntegrationTests.Scanning.ScanCalls;

namespace Berth.IntegrationTests.Policy;

/// <summary>
/// Pull prevention as podman users meet it: the refusal's message reaches podman's error output, the system
/// CVE allowlist lets the pull through, and an allowlist already expired counts for nothing.
/// </summary>
public sealed class PullPreventionPodmanTests : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("berth-it-pull-podman-").FullName;
    private readonly Podman _podman = new();
    private BerthServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await BerthServer.StartAsync(new Dictionary<string, string> { ["BERTH__Scanner__RematchInterval"] = "00:00:01" });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _podman.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task Podman_IsRefusedWithTheMessage_UntilTheSystemAllowlistExemptsTheVulnerability()
    {
        await CreateProjectAsync(_server, "prod", autoScan: true);
        await PushAsync(_server, TestImages.Node, "prod/node", "v1");
        using var admin = _server.CreateClient();
        await WaitForSuccessAsync(admin, "prod", "node", "v1");
        await ImportExpressAdvisoryAsync(_server, _scratch);
        await Poll.UntilAsync(async () => (await OverviewAsync(admin, "prod", "node", "v1"))?["summary"]?["total"]?.GetValue<int>() == 1,
            TimeSpan.FromSeconds(60), "the stored report to be re-matched");
        await UpdateProjectAsync(_server, "prod", """{"metadata":{"prevent_vul":"true","severity":"critical"}}""");
        var image = $"{_server.Host}/prod/node:v1";

        var refused = await PullAsync(image);
        Assert.False(refused.Succeeded, refused.ToString());
        Assert.Contains(Vulnerable(1, "vulnerability", "Critical", ExpressAdvisoryId), refused.Error);

        // The project reuses the system list (reuse_sys_cve_allowlist is absent): an expired one counts for nothing.
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        await PutSystemAllowlistAsync(admin, $$"""{"expires_at":{{past}},"items":[{"cve_id":"{{ExpressAdvisoryId}}"}]}""");
        Assert.False((await PullAsync(image)).Succeeded);

        await PutSystemAllowlistAsync(admin, $$"""{"items":[{"cve_id":"{{ExpressAdvisoryId}}"}]}""");
        (await PullAsync(image)).EnsureSucceeded();
        Assert.Contains("prod/node", await _podman.RunAsync("images", "--format", "{{.Repository}}:{{.Tag}}"));
    }

    private static async Task PutSystemAllowlistAsync(HttpClient admin, string body)
    {
        using var response = await admin.PutAsync("api/v2.0/system/CVEAllowlist", ApiCalls.Json(body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary><c>podman pull</c> in the test's own image store, returning how it ended rather than failing.</summary>
    private Task<ToolResult> PullAsync(string image) => Tool.RunAsync("podman",
        ["--storage-driver=vfs", "--root", Path.Combine(_podman.Directory, "root"), "--runroot", Path.Combine(_podman.Directory, "runroot"),
         "pull", "--tls-verify=false", image],
        TimeSpan.FromMinutes(5));
}
