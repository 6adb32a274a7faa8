using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Berth.IntegrationTests.Infrastructure;
using Berth.IntegrationTests.Scanning;

namespace Berth.IntegrationTests.ScannerAdapter;

/// <summary>What the adapter tests share: a server serving the adapter API, the express advisory, and the API's calls.</summary>
internal static class AdapterCalls
{
    public const string ApiKey = "adapter-test-key-0123456789";
    public const string Report11 = "application/vnd.security.vulnerability.report; version=1.1";
    public const string Report10 = "application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0";
    public const string SbomReport = "application/vnd.security.sbom.report+json; version=1.0";
    public const string Spdx = "application/spdx+json";
    public const string CycloneDx = "application/vnd.cyclonedx+json";
    public const string ErrorType = "application/vnd.scanner.adapter.error+json; version=1.0";
    public const string ScanRequestType = "application/vnd.scanner.adapter.scan.request+json; version=1.0";

    /// <summary>A made-up advisory for the express 4.16.4 the node image carries: fixed in 4.16.5, CVSS 9.8.</summary>
    public const string ExpressAdvisoryId = ScanCalls.ExpressAdvisoryId;

    public static readonly TimeSpan ScanTimeout = TimeSpan.FromMinutes(3);

    public static Task<BerthServer> StartAdapterServerAsync() => BerthServer.StartAsync(new Dictionary<string, string>
    {
        ["BERTH__ScannerAdapter__ApiKey"] = ApiKey,
        ["BERTH__ScannerAdapter__RefreshAfter"] = "00:00:01",
    });

    /// <summary>A client of the adapter API holding the key as a Bearer token, as a Harbor registration with auth "Bearer" sends it.</summary>
    public static HttpClient AdapterClient(BerthServer server)
    {
        var client = server.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary>skopeo copies one of the real Debian images to <c>{repository}:{tag}</c>; returns its manifest digest.</summary>
    public static async Task<string> PushAsync(BerthServer server, string image, string repository, string tag)
    {
        var layout = await TestImages.LayoutAsync();
        await Skopeo.CopyAsync($"oci:{layout.Directory}:{image}", $"docker://{server.Host}/{repository}:{tag}");
        return layout.ManifestDigest(image);
    }

    public static StringContent ScanRequest(string registryUrl, string? authorization, string repository, string digest, string? extra = null)
    {
        var auth = authorization is null ? "" : $",\"authorization\":\"{authorization}\"";
        var json = $$"""
            {"registry":{"url":"{{registryUrl}}"{{auth}}},
             "artifact":{"repository":"{{repository}}","digest":"{{digest}}","tag":"v1","mime_type":"application/vnd.oci.image.manifest.v1+json"}{{extra}}}
            """;
        return Body(json);
    }

    public static StringContent Body(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ScanRequestType);
        return content;
    }

    /// <summary>POSTs a scan request, asserts 202 with the spec's response type, and returns the id.</summary>
    public static async Task<string> RequestScanAsync(HttpClient adapter, StringContent request)
    {
        using var response = await adapter.PostAsync("api/v1/scan", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/vnd.scanner.adapter.scan.response+json; version=1.0", response.Content.Headers.ContentType!.ToString());
        var id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(id));
        return id;
    }

    /// <param name="sbomMediaType">The <c>sbom_media_type</c> query parameter, escaped as Harbor sends it; none when null.</param>
    public static async Task<HttpResponseMessage> GetReportAsync(HttpClient adapter, string id, string? accept = Report11, string? sbomMediaType = null)
    {
        var query = sbomMediaType is null ? "" : $"?sbom_media_type={Uri.EscapeDataString(sbomMediaType)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/scan/{id}/report{query}");
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await adapter.SendAsync(request);
    }

    /// <summary>Polls the report as Harbor does (following Refresh-After) until it is no longer 302; returns that answer.</summary>
    public static async Task<HttpResponseMessage> WaitForReportAsync(HttpClient adapter, string id, string? accept = Report11, string? sbomMediaType = null)
    {
        var deadline = DateTime.UtcNow + ScanTimeout;
        while (true)
        {
            var response = await GetReportAsync(adapter, id, accept, sbomMediaType);
            if (response.StatusCode != HttpStatusCode.Found) return response;
            var refresh = int.Parse(response.Headers.GetValues("Refresh-After").Single());
            Assert.InRange(refresh, 1, 127);
            response.Dispose();
            Assert.True(DateTime.UtcNow < deadline, $"the report of {id} was not ready within {ScanTimeout}");
            await Task.Delay(TimeSpan.FromSeconds(refresh));
        }
    }

    /// <summary>The <c>enabled_capabilities</c> member (with its leading comma) that <see cref="ScanRequest"/> appends.</summary>
    public static string EnabledCapabilities(string capabilities) => $",\"enabled_capabilities\":{capabilities}";

    /// <summary>The dpkg packages of debian-minbase (debian-node adds none), as dpkg-query listed them beside the layout.</summary>
    public static async Task<IReadOnlyList<string>> DpkgPackageNamesAsync()
    {
        var layout = await TestImages.LayoutAsync();
        return [.. File.ReadAllLines(Path.Combine(layout.Directory, "debian-minbase.packages"))
            .Where(line => line.Length > 0)
            .Select(line => line.Split(' ')[0])];
    }

    /// <summary>The message of an adapter error answer, after checking its status and media type.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(ErrorType, response.Content.Headers.ContentType!.ToString());
        var message = JsonNode.Parse(body)!["error"]!["message"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message;
    }

    /// <summary>The made-up express advisory, imported into the running server's database (see <see cref="ScanCalls"/>).</summary>
    public static Task ImportExpressAdvisoryAsync(BerthServer server, string scratch) =>
        ScanCalls.ImportExpressAdvisoryAsync(server, scratch);
}
