using System.Net;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Policy.PullPreventionCalls;
using static Berth.IntegrationTests.Scanning.ScanCalls;

namespace Berth.IntegrationTests.Policy;

/// <summary>
/// Pull prevention end to end with skopeo against a real server: a real image is pushed and scanned, an advisory
/// import raises its severity without a rescan, the pull is refused with Harbor's words, an allowlist lets it
/// through until the allowlist expires; unscanned images, HEAD, and who may bypass.
/// </summary>
public sealed class PullPreventionSkopeoTests : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("berth-it-pull-prevention-").FullName;
    private BerthServer _server = null!;

    // Re-matching every second, so an advisory import is seen without waiting the default 30 s.
    public async Task InitializeAsync() =>
        _server = await BerthServer.StartAsync(new Dictionary<string, string> { ["BERTH__Scanner__RematchInterval"] = "00:00:01" });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task VulnerableImage_IsRefused_UntilAllowlisted_AndAgainOnceTheAllowlistExpires()
    {
        await CreateProjectAsync(_server, "guarded", autoScan: true);
        var digest = await PushAsync(_server, TestImages.Node, "guarded/node", "v1");
        using var admin = _server.CreateClient();
        await WaitForSuccessAsync(admin, "guarded", "node", "v1");
        await UpdateProjectAsync(_server, "guarded", """{"metadata":{"prevent_vul":"true","severity":"high"}}""");
        // Scanned and clean: the policy lets it through.
        (await SkopeoPullAsync(_server, "guarded/node", "v1", Path.Combine(_scratch, "clean"))).EnsureSucceeded();

        await ImportExpressAdvisoryAsync(_server, _scratch);
        await Poll.UntilAsync(async () => (await OverviewAsync(admin, "guarded", "node", "v1"))?["summary"]?["total"]?.GetValue<int>() == 1,
            TimeSpan.FromSeconds(60), "the stored report to be re-matched");

        var message = Vulnerable(1, "vulnerability", "High", ExpressAdvisoryId);
        var refused = await SkopeoPullAsync(_server, "guarded/node", "v1", Path.Combine(_scratch, "refused"));
        Assert.False(refused.Succeeded, refused.ToString());
        Assert.Contains(AsSkopeoLogs(message), refused.Error);
        foreach (var reference in new[] { "v1", digest })
        {
            using var get = await ManifestAsync(_server, HttpMethod.Get, "guarded/node", reference, _server.AdminAuthorization);
            await AssertRefusedAsync(get, message);
            using var head = await ManifestAsync(_server, HttpMethod.Head, "guarded/node", reference, _server.AdminAuthorization);
            Assert.Equal(HttpStatusCode.PreconditionFailed, head.StatusCode);
        }

        // The project's own allowlist, which applies once the project stops reusing the system's.
        var soon = DateTimeOffset.UtcNow.AddSeconds(8).ToUnixTimeSeconds();
        await UpdateProjectAsync(_server, "guarded", $$$"""
            {"metadata":{"reuse_sys_cve_allowlist":"false"},"cve_allowlist":{"expires_at":{{{soon}}},"items":[{"cve_id":"{{{ExpressAdvisoryId}}}"}]}}
            """);
        var project = await ApiImage.GetJsonAsync(admin, "api/v2.0/projects/guarded");
        var allowlist = project["cve_allowlist"]!;
        Assert.Equal(soon, allowlist["expires_at"]!.GetValue<long>());
        Assert.Equal(ExpressAdvisoryId, allowlist["items"]![0]!["cve_id"]!.GetValue<string>());
        Assert.Equal(project["project_id"]!.GetValue<long>(), allowlist["project_id"]!.GetValue<long>());
        Assert.NotNull(allowlist["creation_time"]);
        (await SkopeoInspectAsync(_server, "guarded/node", "v1")).EnsureSucceeded();

        await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow.ToUnixTimeSeconds() > soon), TimeSpan.FromSeconds(30), "the allowlist to expire");
        var expired = await SkopeoInspectAsync(_server, "guarded/node", "v1");
        Assert.False(expired.Succeeded, expired.ToString());
        Assert.Contains(AsSkopeoLogs(message), expired.Error);

        // Without an expiry it lasts.
        await UpdateProjectAsync(_server, "guarded", $$$"""{"cve_allowlist":{"items":[{"cve_id":"{{{ExpressAdvisoryId}}}"}]}}""");
        (await SkopeoPullAsync(_server, "guarded/node", "v1", Path.Combine(_scratch, "allowed"))).EnsureSucceeded();
    }

    [Fact]
    public async Task UnscannedImage_IsRefused_AndOnlyAScannerOrSigningToken_Bypasses()
    {
        await CreateProjectAsync(_server, "strict", autoScan: false);
        await UpdateProjectAsync(_server, "strict", """{"metadata":{"prevent_vul":"true","severity":"critical"}}""");
        var digest = await PushAsync(_server, TestImages.Minbase, "strict/base", "v1");
        var message = Unscanned("Critical");

        var refused = await SkopeoInspectAsync(_server, "strict/base", "v1");
        Assert.False(refused.Succeeded, refused.ToString());
        Assert.Contains(AsSkopeoLogs(message), refused.Error);

        // Basic credentials never bypass, even a system administrator's; nor does a token that only grants pull.
        using (var basic = await ManifestAsync(_server, HttpMethod.Get, "strict/base", "v1", _server.AdminAuthorization))
            await AssertRefusedAsync(basic, message);
        var pull = await TokenAsync(_server, "repository:strict/base:pull");
        using (var pullOnly = await ManifestAsync(_server, HttpMethod.Get, "strict/base", digest, $"Bearer {pull}"))
            await AssertRefusedAsync(pullOnly, message);
        var push = await TokenAsync(_server, "repository:strict/base:pull,push");
        using (var pusher = await ManifestAsync(_server, HttpMethod.Get, "strict/base", "v1", $"Bearer {push}", "skopeo/1.9"))
            await AssertRefusedAsync(pusher, message);

        // Harbor's scanner robot's grant, and a signing tool with push, read the manifest.
        var scanner = await TokenAsync(_server, "repository:strict/base:pull,scanner-pull");
        using (var scannerGet = await ManifestAsync(_server, HttpMethod.Get, "strict/base", "v1", $"Bearer {scanner}"))
            Assert.Equal(HttpStatusCode.OK, scannerGet.StatusCode);
        using (var scannerHead = await ManifestAsync(_server, HttpMethod.Head, "strict/base", digest, $"Bearer {scanner}"))
            Assert.Equal(HttpStatusCode.OK, scannerHead.StatusCode);
        using (var cosign = await ManifestAsync(_server, HttpMethod.Get, "strict/base", "v1", $"Bearer {push}", "cosign/v2.2.0 (linux; amd64)"))
            Assert.Equal(HttpStatusCode.OK, cosign.StatusCode);
        using (var notation = await ManifestAsync(_server, HttpMethod.Head, "strict/base", "v1", $"Bearer {push}", "notation/v1.1.0"))
            Assert.Equal(HttpStatusCode.OK, notation.StatusCode);
        // A scanner-pull token for another repository does not carry over.
        var elsewhere = await TokenAsync(_server, "repository:strict/other:pull,scanner-pull");
        using (var other = await ManifestAsync(_server, HttpMethod.Get, "strict/base", "v1", $"Bearer {elsewhere}"))
            Assert.NotEqual(HttpStatusCode.OK, other.StatusCode);
        // skopeo itself, handed the scanner token.
        (await SkopeoInspectAsync(_server, "strict/base", "v1", "--registry-token", scanner)).EnsureSucceeded();

        // Berth's own scanner reads the image from storage, not through /v2: scanning works and the pull then passes.
        using var admin = _server.CreateClient();
        using (var scan = await admin.PostAsync(ArtifactPath("strict", "base", "v1") + "/scan", null))
            Assert.Equal(HttpStatusCode.Accepted, scan.StatusCode);
        await WaitForSuccessAsync(admin, "strict", "base", "v1");
        (await SkopeoInspectAsync(_server, "strict/base", "v1")).EnsureSucceeded();
    }

    [Fact]
    public async Task ProjectAllowlist_BadItems_AreRefusedWith400_AndChangeNothing()
    {
        await CreateProjectAsync(_server, "listed", autoScan: false);
        using var admin = _server.CreateClient();
        await UpdateProjectAsync(_server, "listed", """{"cve_allowlist":{"items":[{"cve_id":"CVE-2024-1"}]}}""");

        foreach (var (body, problem) in new[]
        {
            ("""{"cve_allowlist":{"items":[{"cve_id":"CVE-2024-2"},{"cve_id":" "}]}}""", "cve_allowlist: every allowlist item needs a cve_id"),
            ("""{"cve_allowlist":{"items":[{"cve_id":"CVE-2024-2"},{"cve_id":"CVE-2024-2"}]}}""", "cve_allowlist: CVE-2024-2 is listed more than once"),
        })
        {
            Assert.Equal(problem, await ApiCalls.ErrorMessageAsync(await admin.PutAsync("api/v2.0/projects/listed", ApiCalls.Json(body)), HttpStatusCode.BadRequest));
        }
        Assert.Equal("cve_allowlist: CVE-2024-3 is listed more than once", await ApiCalls.ErrorMessageAsync(await admin.PostAsync("api/v2.0/projects", ApiCalls.Json(
            """{"project_name":"never","cve_allowlist":{"items":[{"cve_id":"CVE-2024-3"},{"cve_id":"CVE-2024-3"}]}}""")), HttpStatusCode.BadRequest));

        var items = (await ApiImage.GetJsonAsync(admin, "api/v2.0/projects/listed"))["cve_allowlist"]!["items"]!.AsArray();
        Assert.Equal(["CVE-2024-1"], items.Select(item => item!["cve_id"]!.GetValue<string>()));
        using var never = await admin.GetAsync("api/v2.0/projects/never");
        Assert.Equal(HttpStatusCode.NotFound, never.StatusCode);
    }
}
