using System.Net;
using System.Text.Json;
using Berth.Api.ScannerAdapter;

namespace Berth.Api.Tests.ScannerAdapter;

/// <summary>
/// <see cref="ScanRequestReader.Check"/> on requests as Harbor sends them (read from JSON, so the field names count
/// too): which capabilities a request enables, and the spec's 422 and 501 for what Berth refuses.
/// </summary>
public sealed class ScanRequestReaderTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Spdx = "application/spdx+json";
    private const string CycloneDx = "application/vnd.cyclonedx+json";
    private const string SbomReport = "application/vnd.security.sbom.report+json; version=1.0";

    private static (AcceptedScanRequest? Accepted, AdapterError? Error) Check(string? enabledCapabilities)
    {
        var capabilities = enabledCapabilities is null ? "" : $",\"enabled_capabilities\":{enabledCapabilities}";
        var json = $$"""
            {"registry":{"url":"https://harbor.example","authorization":"Basic cm9ib3Q="},
             "artifact":{"repository":"library/node","digest":"{{Digest}}","tag":"20","mime_type":"application/vnd.docker.distribution.manifest.v2+json"}{{capabilities}}}
            """;
        return ScanRequestReader.Check(JsonSerializer.Deserialize<ScanRequestJson>(json)!);
    }

    private static AdapterCapabilities Enabled(string? enabledCapabilities)
    {
        var (accepted, error) = Check(enabledCapabilities);
        Assert.True(accepted is not null, error?.Message);
        return accepted.Capabilities;
    }

    private static string Refused(string enabledCapabilities, HttpStatusCode status)
    {
        var (accepted, error) = Check(enabledCapabilities);
        Assert.Null(accepted);
        Assert.NotNull(error);
        Assert.Equal((int)status, error.Status);
        return error.Message;
    }

    [Fact]
    public void NoEnabledCapabilities_IsAVulnerabilityScanAsBeforeSpec12()
    {
        var (accepted, error) = Check(null);

        Assert.Null(error);
        Assert.True(accepted!.Capabilities.VulnerabilityEnabled);
        Assert.False(accepted.Capabilities.SbomEnabled);
        Assert.Equal("library/node", accepted.Artifact.Repository);
        Assert.Equal(Digest, accepted.Artifact.Digest);
        Assert.Equal("20", accepted.Artifact.Tag);
        Assert.Equal("harbor.example", accepted.Image.Registry.Authority);
    }

    [Fact]
    public void SbomAlone_WithoutParameters_EnablesBothDocumentsAndNoVulnerabilityReport()
    {
        var enabled = Enabled("""[{"type":"sbom"}]""");

        Assert.False(enabled.VulnerabilityEnabled);
        Assert.Equal([Spdx, CycloneDx], enabled.SbomMediaTypes);
    }

    [Fact]
    public void SbomAsHarborSendsIt_PicksTheDocumentItsParametersName()
    {
        var enabled = Enabled($$$"""
            [{"type":"sbom","produces_mime_types":["{{{SbomReport}}}"],"parameters":{"sbom_media_types":["{{{CycloneDx}}}"]}}]
            """);

        Assert.False(enabled.VulnerabilityEnabled);
        Assert.Equal([CycloneDx], enabled.SbomMediaTypes);
    }

    [Fact]
    public void SbomWithVulnerability_EnablesBoth_AndListsEachDocumentOnceInItsCanonicalSpelling()
    {
        var enabled = Enabled("""
            [{"type":"vulnerability","produces_mime_types":["application/vnd.security.vulnerability.report; version=1.1"]},
             {"type":"sbom","produces_mime_types":["application/vnd.security.sbom.report+json;version=\"1.0\""],
              "parameters":{"sbom_media_types":["Application/SPDX+JSON","application/spdx+json"," application/vnd.cyclonedx+json "]}}]
            """);

        Assert.True(enabled.VulnerabilityEnabled);
        Assert.Equal([Spdx, CycloneDx], enabled.SbomMediaTypes);
    }

    [Fact]
    public void AnSbomMediaTypeOutsideTheSpecsEnum_Is422NamingItAndWhatBerthWrites()
    {
        var message = Refused("""[{"type":"sbom","parameters":{"sbom_media_types":["application/spdx+json","text/spdx"]}}]""",
            HttpStatusCode.UnprocessableEntity);

        Assert.Contains("'text/spdx'", message);
        Assert.Contains(CycloneDx, message);
    }

    [Fact]
    public void ANullSbomMediaType_Is422()
    {
        Assert.Contains("sbom_media_types", Refused("""[{"type":"sbom","parameters":{"sbom_media_types":[null]}}]""", HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public void AnSbomReportTypeBerthDoesNotWrite_Is501NamingTheOneItWrites()
    {
        var message = Refused("""[{"type":"sbom","produces_mime_types":["application/vnd.security.sbom.report+json; version=2.0"]}]""",
            HttpStatusCode.NotImplemented);

        Assert.Contains("version=2.0", message);
        Assert.Contains(SbomReport, message);
    }

    [Fact]
    public void AVulnerabilityReportTypeBerthDoesNotWrite_IsStill501_EvenBesideAnSbomItCouldWrite()
    {
        var message = Refused("""[{"type":"sbom"},{"type":"vulnerability","produces_mime_types":["application/vnd.scanner.adapter.vuln.report.raw"]}]""",
            HttpStatusCode.NotImplemented);

        Assert.Contains("vuln.report.raw", message);
    }

    [Theory]
    [InlineData("""[{"type":"license"}]""", "'license'")]
    [InlineData("""[{"produces_mime_types":[]}]""", "neither vulnerability nor sbom")]
    [InlineData("""[null]""", "neither vulnerability nor sbom")]
    [InlineData("""[{"type":"sbom"},{"type":"sbom"}]""", "sbom twice")]
    public void AMalformedCapability_Is422(string capabilities, string named)
    {
        Assert.Contains(named, Refused(capabilities, HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public void AnEmptyList_IsReadAsNoList()
    {
        var enabled = Enabled("[]");

        Assert.True(enabled.VulnerabilityEnabled);
        Assert.False(enabled.SbomEnabled);
    }
}
