using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Api;
using Berth.IntegrationTests.Infrastructure;
using static Berth.IntegrationTests.Scanning.ScanCalls;

namespace Berth.IntegrationTests.Scanning;

/// <summary>
/// The SBOM as Harbor's clients ask for it: <c>POST …/scan</c> with <c>{"scan_type":"sbom"}</c>, then
/// <c>additions/sbom</c> (SPDX 2.3 by default, CycloneDX on request) and <c>sbom_overview</c> on the artifact.
/// </summary>
public sealed class SbomAdditionTests : IAsyncLifetime
{
    private BerthServer _server = null!;

    public async Task InitializeAsync() => _server = await BerthServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SbomScan_OfTheNodeImage_ServesSpdxAndCycloneDx_WithExpress()
    {
        await CreateProjectAsync(_server, "sboms", autoScan: false);
        var digest = await PushAsync(_server, TestImages.Node, "sboms/node", "v1");
        using var client = _server.CreateClient();
        var sbomPath = ArtifactPath("sboms", "node", "v1") + "/additions/sbom";

        // Before any scan: Harbor's 404, and no overview.
        var missing = await ApiCalls.ErrorMessageAsync(await client.GetAsync(sbomPath), HttpStatusCode.NotFound);
        Assert.Contains("no finished scan", missing);
        Assert.Null((await ApiImage.GetJsonAsync(client, ArtifactPath("sboms", "node", "v1") + "?with_sbom_overview=true"))["sbom_overview"]);

        using (var response = await client.PostAsync(ArtifactPath("sboms", "node", "v1") + "/scan", ApiCalls.Json("""{"scan_type":"sbom"}""")))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var scan = await WaitForSuccessAsync(client, "sboms", "node", "v1");

        using (var response = await client.GetAsync(sbomPath))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/spdx+json", response.Content.Headers.ContentType?.MediaType);
            var spdx = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("SPDX-2.3", spdx["spdxVersion"]!.GetValue<string>());
            var express = spdx["packages"]!.AsArray().Where(p => p!["name"]!.GetValue<string>() == "express").ToList();
            Assert.Contains(express, p => p!["versionInfo"]!.GetValue<string>() == "4.16.4");
            Assert.Contains(spdx["packages"]!.AsArray(), p => p!["versionInfo"]!.GetValue<string>() == digest);
        }

        foreach (var ask in new Func<HttpRequestMessage>[]
                 {
                     () => new HttpRequestMessage(HttpMethod.Get, sbomPath + "?media_type=application/vnd.cyclonedx%2Bjson"),
                     () => new HttpRequestMessage(HttpMethod.Get, sbomPath) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/vnd.cyclonedx+json") } } },
                 })
        {
            using var response = await client.SendAsync(ask());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.cyclonedx+json", response.Content.Headers.ContentType?.MediaType);
            var cyclone = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("CycloneDX", cyclone["bomFormat"]!.GetValue<string>());
            Assert.Contains(cyclone["components"]!.AsArray(),
                c => c!["name"]?.GetValue<string>() == "express" && c["version"]?.GetValue<string>() == "4.16.4");
        }
        await ApiCalls.ErrorMessageAsync(await client.GetAsync(sbomPath + "?media_type=text/plain"), HttpStatusCode.BadRequest);

        var artifact = await ApiImage.GetJsonAsync(client, ArtifactPath("sboms", "node", "v1") + "?with_sbom_overview=true");
        var overview = artifact["sbom_overview"]!;
        Assert.Equal("Success", overview["scan_status"]!.GetValue<string>());
        Assert.Equal(scan["report_id"]!.GetValue<string>(), overview["report_id"]!.GetValue<string>());
        Assert.Equal("Berth", overview["scanner"]!["name"]!.GetValue<string>());
        Assert.True(overview["end_time"]!.GetValue<DateTimeOffset>() >= overview["start_time"]!.GetValue<DateTimeOffset>());
        // The flags are independent: the SBOM overview alone does not bring the vulnerability overview.
        Assert.Null(artifact["scan_overview"]);
        // Harbor's sbom_digest: the sha256 of exactly the bytes additions/sbom returns, the same on every request.
        var served = await client.GetByteArrayAsync(sbomPath);
        Assert.Equal($"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(served))}", overview["sbom_digest"]!.GetValue<string>());
        Assert.Equal(served, await client.GetByteArrayAsync(sbomPath));
        var listed = (await ApiImage.GetJsonAsync(client, "api/v2.0/projects/sboms/repositories/node/artifacts?with_sbom_overview=true")).AsArray();
        Assert.Equal(overview.ToJsonString(), Assert.Single(listed)!["sbom_overview"]!.ToJsonString());

        var log = await client.GetStringAsync(ArtifactPath("sboms", "node", "v1") + $"/scan/{overview["report_id"]!.GetValue<string>()}/log");
        Assert.Contains("status: Success", log);
    }

    [Fact]
    public async Task SbomCalls_AnswerAsHarborDoes_ForWhoAsksAndWhatIsAsked()
    {
        await CreateProjectAsync(_server, "private", autoScan: false);
        await PushAsync(_server, TestImages.Minbase, "private/base", "v1");
        var scan = ArtifactPath("private", "base", "v1") + "/scan";
        var sbom = ArtifactPath("private", "base", "v1") + "/additions/sbom";
        var database = new ServerDatabase(_server);
        await database.AddMemberAsync("private", await database.AddUserAsync("guest1", "Guest1-Password"), role: 3);
        await database.AddMemberAsync("private", await database.AddUserAsync("dev1", "Dev1-Password"), role: 2);
        await database.AddMemberAsync("private", await database.AddUserAsync("maint1", "Maint1-Password"), role: 4);
        var body = """{"scan_type":"sbom"}""";

        using (var anonymous = _server.CreateAnonymousClient())
        {
            using (var response = await anonymous.PostAsync(scan, ApiCalls.Json(body)))
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            using (var response = await anonymous.GetAsync(sbom))
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        // Developers and guests read SBOMs but do not generate them.
        using (var developer = ApiCalls.SignedIn(_server, "dev1", "Dev1-Password"))
            await ApiCalls.ErrorMessageAsync(await developer.PostAsync(scan, ApiCalls.Json(body)), HttpStatusCode.Forbidden);
        using (var maintainer = ApiCalls.SignedIn(_server, "maint1", "Maint1-Password"))
        {
            await ApiCalls.ErrorMessageAsync(await maintainer.PostAsync(scan, ApiCalls.Json("""{"scan_type":"licenses"}""")), HttpStatusCode.BadRequest);
            using var response = await maintainer.PostAsync(scan, ApiCalls.Json(body));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        using (var admin = _server.CreateClient())
            await WaitForSuccessAsync(admin, "private", "base", "v1");
        using (var guest = ApiCalls.SignedIn(_server, "guest1", "Guest1-Password"))
        {
            var spdx = JsonNode.Parse(await guest.GetStringAsync(sbom))!;
            Assert.Equal("SPDX-2.3", spdx["spdxVersion"]!.GetValue<string>());
            Assert.Contains(spdx["packages"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "dpkg");
        }
    }
}
