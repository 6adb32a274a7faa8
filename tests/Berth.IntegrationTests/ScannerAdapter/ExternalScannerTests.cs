using System.Net;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.ScannerAdapter.AdapterCalls;

namespace Berth.IntegrationTests.ScannerAdapter;

/// <summary>
/// Berth using an external scanner through Harbor's registration API, tested against Berth's own adapter: server B
/// (which has no advisories at all) registers server A's adapter, chooses it for a project, and a scan of an image
/// pushed to B comes back with the finding only A's advisory database can produce.
/// </summary>
public sealed class ExternalScannerTests : IAsyncLifetime
{
    private const string BuiltInUuid = "00000000-0000-0000-0000-000000000b47";
    private readonly string _scratch = Directory.CreateTempSubdirectory("berth-it-external-").FullName;
    private BerthServer _adapter = null!;
    private BerthServer _registry = null!;

    public async Task InitializeAsync()
    {
        _adapter = await StartAdapterServerAsync();
        await ImportExpressAdvisoryAsync(_adapter, _scratch);
        _registry = await BerthServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _adapter.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task ProjectUsingARegisteredAdapter_IsScannedThere_AndShowsItsOverviewAndReport()
    {
        using var admin = _registry.CreateClient();
        // B itself does not serve the adapter API: no key is configured.
        using (var response = await admin.GetAsync("api/v1/metadata")) Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var uuid = await RegisterAdapterAsync(admin);
        var listed = (await ApiImage.GetJsonAsync(admin, "api/v2.0/scanners")).AsArray();
        Assert.Equal([BuiltInUuid, uuid], listed.Select(r => r!["uuid"]!.GetValue<string>()));
        Assert.True(listed[0]!["is_default"]!.GetValue<bool>());
        Assert.Null(listed[1]!["access_credential"]);
        var metadata = await ApiImage.GetJsonAsync(admin, $"api/v2.0/scanners/{uuid}/metadata");
        Assert.Equal("Berth", metadata["scanner"]!["name"]!.GetValue<string>());

        await CreateProjectAsync("external");
        using (var response = await admin.PutAsync("api/v2.0/projects/external/scanner", ApiCalls.Json($$"""{"uuid":"{{uuid}}"}""")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("adapter-a", (await ApiImage.GetJsonAsync(admin, "api/v2.0/projects/external/scanner"))["name"]!.GetValue<string>());

        var digest = await PushAsync(_registry, TestImages.Node, "external/node", "v1");
        using (var response = await admin.PostAsync(ArtifactPath("v1") + "/scan", null))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var overview = await WaitForSuccessAsync(admin);
        Assert.Equal("Critical", overview["severity"]!.GetValue<string>());
        Assert.Equal(1, overview["summary"]!["total"]!.GetValue<int>());
        Assert.Equal(1, overview["summary"]!["fixable"]!.GetValue<int>());
        Assert.Equal(1, overview["summary"]!["summary"]!["Critical"]!.GetValue<int>());

        var addition = await ApiImage.GetJsonAsync(admin, ArtifactPath("v1") + "/additions/vulnerabilities");
        var report = addition[Report11]!;
        Assert.Equal("external/node", report["artifact"]!["repository"]!.GetValue<string>());
        Assert.Equal(digest, report["artifact"]!["digest"]!.GetValue<string>());
        var vulnerability = Assert.Single(report["vulnerabilities"]!.AsArray())!;
        Assert.Equal(ExpressAdvisoryId, vulnerability["id"]!.GetValue<string>());
        Assert.Equal("4.16.4", vulnerability["version"]!.GetValue<string>());
        // A pulled the image from B with the token B gave it, and scanned it.
        Assert.Contains("external/node@" + digest, _adapter.Log);
    }

    [Fact]
    public async Task ProjectOnTheBuiltInScanner_IsScannedByBerthItself_EvenWithAnAdapterRegistered()
    {
        using var admin = _registry.CreateClient();
        await RegisterAdapterAsync(admin);
        await CreateProjectAsync("own");
        using (var response = await admin.PutAsync("api/v2.0/projects/own/scanner", ApiCalls.Json($$"""{"uuid":"{{BuiltInUuid}}"}""")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await PushAsync(_registry, TestImages.Node, "own/node", "v1");
        using (var response = await admin.PostAsync("api/v2.0/projects/own/repositories/node/artifacts/v1/scan", null))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        // B has no advisories: its own scanner finds nothing, where A would have found express.
        var overview = await WaitForSuccessAsync(admin, "own");
        Assert.Equal(0, overview["summary"]!["total"]!.GetValue<int>());
        Assert.DoesNotContain("own/node", _adapter.Log);
    }

    [Fact]
    public async Task RegistrationApi_IsForAdministrators_AndChecksWhatItIsGiven()
    {
        using var anonymous = _registry.CreateAnonymousClient();
        using (var response = await anonymous.GetAsync("api/v2.0/scanners")) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ApiCalls.CreateUserAsync(_registry, "plain", "Plain-Password-1");
        using var plain = ApiCalls.SignedIn(_registry, "plain", "Plain-Password-1");
        using (var response = await plain.GetAsync("api/v2.0/scanners")) Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var admin = _registry.CreateClient();
        using (var response = await admin.PostAsync("api/v2.0/scanners", ApiCalls.Json("""{"name":"x","url":"ftp://host"}""")))
            Assert.Contains("http or https", await ApiCalls.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
        using (var response = await admin.PostAsync("api/v2.0/scanners", ApiCalls.Json("""{"name":"x","url":"http://host","auth":"Bearer"}""")))
            Assert.Contains("access_credential", await ApiCalls.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
        var uuid = await RegisterAdapterAsync(admin);
        using (var response = await admin.PostAsync("api/v2.0/scanners", Registration("adapter-a", "http://other:1")))
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);

        // A wrong key is what ping reports; the right one reads A's metadata.
        using (var response = await admin.PostAsync("api/v2.0/scanners/ping",
            ApiCalls.Json($$"""{"url":"{{_adapter.BaseAddress}}","auth":"X-ScannerAdapter-API-Key","access_credential":"wrong-key-0123456789"}""")))
            Assert.Contains("401", await ApiCalls.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
        using (var response = await admin.PostAsync("api/v2.0/scanners/ping",
            ApiCalls.Json($$"""{"url":"{{_adapter.BaseAddress}}","auth":"X-ScannerAdapter-API-Key","access_credential":"{{ApiKey}}"}""")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The default moves to the registration and back; the default cannot be deleted, the built-in never.
        using (var response = await admin.PatchAsync($"api/v2.0/scanners/{uuid}", ApiCalls.Json("""{"is_default":true}""")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await ApiImage.GetJsonAsync(admin, $"api/v2.0/scanners/{uuid}"))["is_default"]!.GetValue<bool>());
        Assert.False((await ApiImage.GetJsonAsync(admin, $"api/v2.0/scanners/{BuiltInUuid}"))["is_default"]!.GetValue<bool>());
        using (var response = await admin.DeleteAsync($"api/v2.0/scanners/{uuid}")) Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using (var response = await admin.DeleteAsync($"api/v2.0/scanners/{BuiltInUuid}")) Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using (var response = await admin.PatchAsync($"api/v2.0/scanners/{BuiltInUuid}", ApiCalls.Json("""{"is_default":true}""")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var response = await admin.DeleteAsync($"api/v2.0/scanners/{uuid}")) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await ApiImage.GetJsonAsync(admin, $"api/v2.0/scanners/{uuid}", HttpStatusCode.NotFound);
    }

    private StringContent Registration(string name, string url) => ApiCalls.Json(
        $$"""{"name":"{{name}}","url":"{{url}}","auth":"Bearer","access_credential":"{{ApiKey}}","description":"Berth A"}""");

    private async Task<string> RegisterAdapterAsync(HttpClient admin)
    {
        using var response = await admin.PostAsync("api/v2.0/scanners", Registration("adapter-a", _adapter.BaseAddress.ToString()));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/api/v2.0/scanners/", location);
        return location["/api/v2.0/scanners/".Length..];
    }

    private async Task CreateProjectAsync(string name)
    {
        using var admin = _registry.CreateClient();
        using var response = await admin.PostAsync("api/v2.0/projects", ApiCalls.Json($$"""{"project_name":"{{name}}"}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static string ArtifactPath(string reference, string project = "external") =>
        $"api/v2.0/projects/{project}/repositories/node/artifacts/{reference}";

    private static async Task<JsonNode> WaitForSuccessAsync(HttpClient client, string project = "external")
    {
        JsonNode? overview = null;
        await Poll.UntilAsync(async () =>
        {
            var artifact = await ApiImage.GetJsonAsync(client, ArtifactPath("v1", project) + "?with_scan_overview=true");
            overview = artifact["scan_overview"]?[Report11];
            var status = overview?["scan_status"]?.GetValue<string>();
            Assert.True(status != "Error", $"the scan failed: {overview?.ToJsonString()}");
            return status == "Success";
        }, ScanTimeout, "the scan to succeed");
        return overview!;
    }
}
