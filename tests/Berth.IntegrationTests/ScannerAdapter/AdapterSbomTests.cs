using System.Net;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.ScannerAdapter.AdapterCalls;

namespace Berth.IntegrationTests.ScannerAdapter;

/// <summary>
/// The adapter API's sbom capability (spec v1.2), driven as Harbor drives it: a scan request enabling sbom with the
/// SBOM documents it wants, the image pulled over /v2 from the registry the request names, and the SBOM report
/// polled with <c>?sbom_media_type=</c>; with the 400s for a missing media type and for a scan that did not enable it.
/// </summary>
public sealed class AdapterSbomTests : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("berth-it-adapter-sbom-").FullName;
    private BerthServer _server = null!;

    public async Task InitializeAsync() => _server = await StartAdapterServerAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task SbomScanOfMinbase_ServesSpdxAndCycloneDxOfTheRequestedImage_ListingEveryDpkgPackage()
    {
        var digest = await PushAsync(_server, TestImages.Minbase, "project/minbase", "v1");
        using var adapter = AdapterClient(_server);
        var id = await RequestScanAsync(adapter, ScanRequest(_server.BaseAddress.ToString(), _server.AdminAuthorization, "project/minbase", digest,
            EnabledCapabilities($$$"""[{"type":"sbom","produces_mime_types":["{{{SbomReport}}}"],"parameters":{"sbom_media_types":["{{{Spdx}}}","{{{CycloneDx}}}"]}}]""")));
        var dpkg = await DpkgPackageNamesAsync();

        var spdx = await SbomReportAsync(adapter, id, Spdx, digest, "project/minbase");
        Assert.Equal("SPDX-2.3", spdx["spdxVersion"]!.GetValue<string>());
        var packages = spdx["packages"]!.AsArray().Select(p => p!).ToList();
        var image = Assert.Single(packages, p => p["SPDXID"]!.GetValue<string>() == "SPDXRef-Image");
        Assert.EndsWith("/project/minbase", image["name"]!.GetValue<string>());
        Assert.Equal(digest, image["versionInfo"]!.GetValue<string>());
        var debs = packages.Where(p => p["externalRefs"]?.AsArray().Any(r => r!["referenceLocator"]!.GetValue<string>().StartsWith("pkg:deb/debian/", StringComparison.Ordinal)) == true)
            .Select(p => p["name"]!.GetValue<string>()).ToList();
        Assert.Equal(dpkg.Order(StringComparer.Ordinal), debs.Order(StringComparer.Ordinal));

        var bom = await SbomReportAsync(adapter, id, CycloneDx, digest, "project/minbase");
        Assert.Equal("CycloneDX", bom["bomFormat"]!.GetValue<string>());
        var component = bom["metadata"]!["component"]!;
        Assert.Equal("container", component["type"]!.GetValue<string>());
        Assert.EndsWith("/project/minbase", component["name"]!.GetValue<string>());
        Assert.Equal(digest, component["version"]!.GetValue<string>());
        var components = bom["components"]!.AsArray().Select(c => c!)
            .Where(c => c["purl"]?.GetValue<string>().StartsWith("pkg:deb/debian/", StringComparison.Ordinal) == true)
            .Select(c => c["name"]!.GetValue<string>());
        Assert.Equal(dpkg.Order(StringComparer.Ordinal), components.Order(StringComparer.Ordinal));

        // The SBOM report names the document it wants; without sbom_media_type the spec's answer is 400, and a scan that
        // enabled only sbom has no vulnerability report to give.
        using var missing = await GetReportAsync(adapter, id, SbomReport);
        Assert.Contains("sbom_media_type", await ErrorAsync(missing, HttpStatusCode.BadRequest));
        using var vulnerabilities = await GetReportAsync(adapter, id, Report11);
        Assert.Contains("only the sbom capability", await ErrorAsync(vulnerabilities, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task ScanWithBothCapabilities_ServesTheVulnerabilityReportAndACycloneDxSbomHoldingItsPackages()
    {
        await ImportExpressAdvisoryAsync(_server, _scratch);
        var digest = await PushAsync(_server, TestImages.Node, "project/node", "v1");
        using var adapter = AdapterClient(_server);
        var id = await RequestScanAsync(adapter, ScanRequest(_server.BaseAddress.ToString(), _server.AdminAuthorization, "project/node", digest,
            EnabledCapabilities($$$"""[{"type":"vulnerability"},{"type":"sbom","parameters":{"sbom_media_types":["{{{CycloneDx}}}"]}}]""")));

        using var response = await WaitForReportAsync(adapter, id);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var vulnerability = Assert.Single(JsonNode.Parse(body)!["vulnerabilities"]!.AsArray())!;
        Assert.Equal(ExpressAdvisoryId, vulnerability["id"]!.GetValue<string>());

        // Read once the vulnerability report is ready: the same scan, no second pull, renders the SBOM.
        using var sbomResponse = await GetReportAsync(adapter, id, SbomReport, CycloneDx);
        var bom = (await EnvelopeAsync(sbomResponse, CycloneDx, digest, "project/node"))["sbom"]!;
        Assert.Equal("CycloneDX", bom["bomFormat"]!.GetValue<string>());
        var components = bom["components"]!.AsArray().Select(c => c!).ToList();
        var express = Assert.Single(components, c => c["name"]!.GetValue<string>() == "express");
        Assert.Equal(vulnerability["version"]!.GetValue<string>(), express["version"]!.GetValue<string>());
        Assert.Equal((await DpkgPackageNamesAsync()).Count,
            components.Count(c => c["purl"]?.GetValue<string>().StartsWith("pkg:deb/debian/", StringComparison.Ordinal) == true));

        // Only CycloneDX was asked for.
        using var spdx = await GetReportAsync(adapter, id, SbomReport, Spdx);
        Assert.Contains(CycloneDx, await ErrorAsync(spdx, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task SbomOfAScanThatDidNotEnableIt_Is400AtOnce_WhileItsVulnerabilityReportIsStillComing()
    {
        await using var silent = new SilentRegistry();
        using var adapter = AdapterClient(_server);
        var id = await RequestScanAsync(adapter, ScanRequest(silent.Url, null, "project/hangs", "sha256:" + new string('a', 64)));

        using var sbom = await GetReportAsync(adapter, id, SbomReport, Spdx);
        using var vulnerabilities = await GetReportAsync(adapter, id);

        Assert.Contains("did not enable the sbom capability", await ErrorAsync(sbom, HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Found, vulnerabilities.StatusCode);
    }

    [Fact]
    public async Task SbomReportWithAnUnknownMediaType_Is400_AndOfAnUnknownScanIs404()
    {
        using var adapter = AdapterClient(_server);

        using var unknownType = await GetReportAsync(adapter, Guid.NewGuid().ToString(), SbomReport, "text/spdx");
        using var unknownScan = await GetReportAsync(adapter, Guid.NewGuid().ToString(), SbomReport, Spdx);

        Assert.Contains("'text/spdx'", await ErrorAsync(unknownType, HttpStatusCode.BadRequest));
        Assert.Contains("no scan request", await ErrorAsync(unknownScan, HttpStatusCode.NotFound));
    }

    /// <summary>Polls the SBOM report until it is ready, checks its envelope, and returns the embedded document.</summary>
    private static async Task<JsonNode> SbomReportAsync(HttpClient adapter, string id, string mediaType, string digest, string repository)
    {
        using var response = await WaitForReportAsync(adapter, id, SbomReport, mediaType);
        return (await EnvelopeAsync(response, mediaType, digest, repository))["sbom"]!;
    }

    /// <summary>The 200 SBOM report, after checking its type and that its envelope names the requested artifact and document.</summary>
    private static async Task<JsonNode> EnvelopeAsync(HttpResponseMessage response, string mediaType, string digest, string repository)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(SbomReport, response.Content.Headers.ContentType!.ToString());
        var report = JsonNode.Parse(body)!;
        Assert.Equal(["generated_at", "artifact", "scanner", "vendor_attributes", "media_type", "sbom"], report.AsObject().Select(p => p.Key));
        Assert.Equal(repository, report["artifact"]!["repository"]!.GetValue<string>());
        Assert.Equal(digest, report["artifact"]!["digest"]!.GetValue<string>());
        Assert.Equal("v1", report["artifact"]!["tag"]!.GetValue<string>());
        Assert.Equal("Berth", report["scanner"]!["name"]!.GetValue<string>());
        Assert.Equal(mediaType, report["media_type"]!.GetValue<string>());
        Assert.IsType<JsonObject>(report["sbom"]);
        return report;
    }
}
