using System.Net;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.ScannerAdapter.AdapterCalls;

namespace Berth.IntegrationTests.ScannerAdapter;

/// <summary>
/// Berth serving Harbor's Pluggable Scanner Adapter API, driven as Harbor drives it: metadata, a scan request that
/// makes the adapter pull the image over /v2 from the registry the request names, and the report polled through
/// 302 + Refresh-After until it is ready; with the spec's answers for unknown ids, bad requests and missing keys.
/// </summary>
public sealed class AdapterApiTests : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("berth-it-adapter-").FullName;
    private BerthServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await StartAdapterServerAsync();
        await ImportExpressAdvisoryAsync(_server, _scratch);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task Metadata_NamesBerthItsVulnerabilityAndSbomCapabilitiesAndTheDatabaseTime()
    {
        using var adapter = AdapterClient(_server);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/metadata");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.scanner.adapter.metadata+json; version=1.0");
        using var response = await adapter.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.scanner.adapter.metadata+json; version=1.0", response.Content.Headers.ContentType!.ToString());
        var metadata = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Berth", metadata["scanner"]!["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(metadata["scanner"]!["version"]!.GetValue<string>()));
        var capabilities = metadata["capabilities"]!.AsArray();
        Assert.Equal(["vulnerability", "sbom"], capabilities.Select(c => c!["type"]!.GetValue<string>()));
        var (capability, sbom) = (capabilities[0]!, capabilities[1]!);
        Assert.Equal(["application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"],
            capability["consumes_mime_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal([Report10, Report11], capability["produces_mime_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(capability["additional_attributes"]);
        Assert.Equal(["application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"],
            sbom["consumes_mime_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal([SbomReport], sbom["produces_mime_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal([Spdx, CycloneDx], sbom["additional_attributes"]!["sbom_media_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        var updated = metadata["properties"]!["harbor.scanner-adapter/vulnerability-database-updated-at"]!.GetValue<string>();
        Assert.InRange(DateTimeOffset.Parse(updated), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task ScanOfNodeImage_PulledFromTheRequestsRegistry_GivesHarborsReportWithTheExpressFinding()
    {
        var digest = await PushAsync(_server, TestImages.Node, "project/node", "v1");
        using var adapter = AdapterClient(_server);

        var id = await RequestScanAsync(adapter, ScanRequest(_server.BaseAddress.ToString(), _server.AdminAuthorization, "project/node", digest));
        using var response = await WaitForReportAsync(adapter, id);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(Report11, response.Content.Headers.ContentType!.ToString());
        var report = JsonNode.Parse(body)!;
        Assert.Equal("project/node", report["artifact"]!["repository"]!.GetValue<string>());
        Assert.Equal(digest, report["artifact"]!["digest"]!.GetValue<string>());
        Assert.Equal("v1", report["artifact"]!["tag"]!.GetValue<string>());
        Assert.Equal("Berth", report["scanner"]!["name"]!.GetValue<string>());
        Assert.Equal("Critical", report["severity"]!.GetValue<string>());
        var vulnerability = Assert.Single(report["vulnerabilities"]!.AsArray())!;
        Assert.Equal(ExpressAdvisoryId, vulnerability["id"]!.GetValue<string>());
        Assert.Equal("express", vulnerability["package"]!.GetValue<string>());
        Assert.Equal("4.16.4", vulnerability["version"]!.GetValue<string>());
        Assert.Equal("4.16.5", vulnerability["fix_version"]!.GetValue<string>());
        Assert.Equal("Critical", vulnerability["severity"]!.GetValue<string>());
        Assert.Equal(9.8, vulnerability["preferred_cvss"]!["score_v3"]!.GetValue<double>());

        // The legacy report type carries the same report; a type Berth does not write is 501.
        using var legacy = await GetReportAsync(adapter, id, Report10);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal(Report10, legacy.Content.Headers.ContentType!.ToString());
        Assert.Equal(body, await legacy.Content.ReadAsStringAsync());
        using var raw = await GetReportAsync(adapter, id, "application/vnd.scanner.adapter.vuln.report.raw");
        Assert.Contains("vuln.report.raw", await ErrorAsync(raw, HttpStatusCode.NotImplemented));
    }

    [Fact]
    public async Task ReportOfAScanStillPulling_Is302WithRefreshAfter()
    {
        await using var silent = new SilentRegistry();
        using var adapter = AdapterClient(_server);
        var id = await RequestScanAsync(adapter, ScanRequest(silent.Url, null, "project/hangs", "sha256:" + new string('a', 64)));

        using var response = await GetReportAsync(adapter, id);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Refresh-After").Single());
    }

    [Fact]
    public async Task ScanOfADigestTheRegistryDoesNotHave_Is500WithTheRegistrysAnswer()
    {
        using var adapter = AdapterClient(_server);
        var id = await RequestScanAsync(adapter,
            ScanRequest(_server.BaseAddress.ToString(), _server.AdminAuthorization, "project/none", "sha256:" + new string('b', 64)));

        using var response = await WaitForReportAsync(adapter, id);

        Assert.Contains("404", await ErrorAsync(response, HttpStatusCode.InternalServerError));
    }

    [Fact]
    public async Task UnknownScanId_Is404()
    {
        using var adapter = AdapterClient(_server);
        using var response = await GetReportAsync(adapter, Guid.NewGuid().ToString());
        Assert.Contains("no scan request", await ErrorAsync(response, HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData("{\"registry\":", HttpStatusCode.BadRequest, "not a valid ScanRequest")]
    [InlineData("{\"registry\":{\"url\":42},\"artifact\":{}}", HttpStatusCode.BadRequest, "not a valid ScanRequest")]
    [InlineData("{\"artifact\":{\"repository\":\"p/r\",\"digest\":\"sha256:" + Hex + "\"}}", HttpStatusCode.UnprocessableEntity, "registry is required")]
    [InlineData("{\"registry\":{\"url\":\"ftp://host/\"},\"artifact\":{\"repository\":\"p/r\",\"digest\":\"sha256:" + Hex + "\"}}", HttpStatusCode.UnprocessableEntity, "http or https")]
    [InlineData("{\"registry\":{\"url\":\"http://host\"},\"artifact\":{\"repository\":\"p/r\",\"digest\":\"latest\"}}", HttpStatusCode.UnprocessableEntity, "artifact.digest")]
    [InlineData("{\"registry\":{\"url\":\"http://host\"},\"artifact\":{\"repository\":\"p/r\",\"digest\":\"sha256:" + Hex + "\",\"mime_type\":\"application/vnd.cncf.helm.config.v1+json\"}}", HttpStatusCode.NotImplemented, "mime_type")]
    [InlineData("{\"registry\":{\"url\":\"http://host\"},\"artifact\":{\"repository\":\"p/r\",\"digest\":\"sha256:" + Hex + "\"},\"enabled_capabilities\":[{\"type\":\"sbom\",\"parameters\":{\"sbom_media_types\":[\"text/spdx\"]}}]}", HttpStatusCode.UnprocessableEntity, "text/spdx")]
    [InlineData("{\"registry\":{\"url\":\"http://host\"},\"artifact\":{\"repository\":\"p/r\",\"digest\":\"sha256:" + Hex + "\"},\"enabled_capabilities\":[{\"type\":\"sbom\",\"produces_mime_types\":[\"application/vnd.security.sbom.report+json; version=2.0\"]}]}", HttpStatusCode.NotImplemented, "application/vnd.security.sbom.report+json; version=1.0")]
    public async Task BadScanRequest_IsRefusedWithTheSpecsStatus(string body, HttpStatusCode expected, string named)
    {
        using var adapter = AdapterClient(_server);
        using var response = await adapter.PostAsync("api/v1/scan", Body(body));
        Assert.Contains(named, await ErrorAsync(response, expected));
    }

    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task WithoutTheKey_EveryCallIs401_AndTheApiKeyHeaderIsAccepted()
    {
        using var anonymous = _server.CreateAnonymousClient();
        using (var response = await anonymous.GetAsync("api/v1/metadata")) await ErrorAsync(response, HttpStatusCode.Unauthorized);
        using (var response = await anonymous.PostAsync("api/v1/scan", ScanRequest("http://127.0.0.1:1", null, "p/r", "sha256:" + Hex)))
            await ErrorAsync(response, HttpStatusCode.Unauthorized);
        using (var response = await anonymous.GetAsync($"api/v1/scan/{Guid.NewGuid()}/report")) await ErrorAsync(response, HttpStatusCode.Unauthorized);

        // Berth's administrator is not the adapter's caller: only the key opens it.
        using var admin = _server.CreateClient();
        using (var response = await admin.GetAsync("api/v1/metadata")) await ErrorAsync(response, HttpStatusCode.Unauthorized);

        using var keyed = _server.CreateAnonymousClient();
        keyed.DefaultRequestHeaders.Add("X-ScannerAdapter-API-Key", ApiKey);
        using (var response = await keyed.GetAsync("api/v1/metadata")) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        keyed.DefaultRequestHeaders.Remove("X-ScannerAdapter-API-Key");
        keyed.DefaultRequestHeaders.Add("X-ScannerAdapter-API-Key", ApiKey + "x");
        using (var response = await keyed.GetAsync("api/v1/metadata")) await ErrorAsync(response, HttpStatusCode.Unauthorized);
    }
}
