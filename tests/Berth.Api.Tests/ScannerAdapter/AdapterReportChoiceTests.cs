using System.Net;
using Berth.Api.ScannerAdapter;
using Berth.Core;
using Berth.Scanning.Images.Remote;
using Berth.Scanning.Reports.Formats;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Tests.ScannerAdapter;

/// <summary>
/// Which report a <c>GET /scan/{id}/report</c> asks for (Accept and <c>sbom_media_type</c>), and whether the scan's
/// request enabled it: the spec's 501 for an unknown Accept and 400 for a missing or unknown sbom_media_type.
/// </summary>
public sealed class AdapterReportChoiceTests
{
    private const string SbomReport = "application/vnd.security.sbom.report+json; version=1.0";
    private const string Legacy = "application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0";
    private const string Report11 = "application/vnd.security.vulnerability.report; version=1.1";

    private static (AdapterReportChoice? Choice, AdapterError? Error) Of(string? accept, string query = "")
    {
        var context = new DefaultHttpContext();
        if (accept is not null) context.Request.Headers.Accept = accept;
        context.Request.QueryString = new QueryString(query);
        return AdapterReportChoice.Of(context.Request);
    }

    private static AdapterScan Scan(AdapterCapabilities capabilities)
    {
        var image = new RemoteImageReference(new Uri("https://harbor.example"), "library/node", Digest.Parse("sha256:" + new string('a', 64)), null);
        return new AdapterScan("scan-1", image, new HarborReportContext("library/node"), capabilities, AdapterScanState.Queued, null, null,
            DateTimeOffset.UtcNow.AddHours(1));
    }

    [Theory]
    [InlineData("?sbom_media_type=application/spdx%2Bjson", "application/spdx+json")]
    [InlineData("?sbom_media_type=application/vnd.cyclonedx%2Bjson", "application/vnd.cyclonedx+json")]
    // An unescaped '+' arrives as a space.
    [InlineData("?sbom_media_type=application/spdx+json", "application/spdx+json")]
    public void SbomAccept_WithAKnownMediaType_PicksThatDocument(string query, string document)
    {
        var (choice, error) = Of(SbomReport, query);

        Assert.Null(error);
        Assert.Equal(SbomReport, choice!.MediaType);
        Assert.Equal(document, choice.SbomDocument!.MediaType);
    }

    [Fact]
    public void SbomAccept_WithoutSbomMediaType_Is400SayingItIsMissing()
    {
        var (choice, error) = Of(SbomReport);

        Assert.Null(choice);
        Assert.Equal((int)HttpStatusCode.BadRequest, error!.Status);
        Assert.Contains("sbom_media_type", error.Message);
        Assert.Contains("application/spdx+json", error.Message);
    }

    [Fact]
    public void SbomAccept_WithAnUnknownMediaType_Is400NamingIt()
    {
        var (choice, error) = Of(SbomReport, "?sbom_media_type=text/spdx");

        Assert.Null(choice);
        Assert.Equal((int)HttpStatusCode.BadRequest, error!.Status);
        Assert.Contains("'text/spdx'", error.Message);
    }

    [Theory]
    [InlineData(null, "", Legacy)]
    [InlineData("*/*", "", Legacy)]
    [InlineData(Report11, "?sbom_media_type=application/spdx%2Bjson", Report11)]
    [InlineData(null, "?sbom_media_type=application/spdx%2Bjson", SbomReport)]
    [InlineData("*/*", "?sbom_media_type=application/spdx%2Bjson", SbomReport)]
    public void AbsentOrWildcardAccept_GetsTheLegacyReport_UnlessTheQueryNamesAnSbom(string? accept, string query, string expected)
    {
        var (choice, error) = Of(accept, query);

        Assert.Null(error);
        Assert.Equal(expected, choice!.MediaType);
        Assert.Equal(expected == SbomReport, choice.SbomDocument is not null);
    }

    [Fact]
    public void AnAcceptBerthDoesNotWrite_Is501NamingWhatItWrites()
    {
        var (_, error) = Of("application/vnd.scanner.adapter.vuln.report.raw");

        Assert.Equal((int)HttpStatusCode.NotImplemented, error!.Status);
        Assert.Contains(SbomReport, error.Message);
        Assert.Contains(Report11, error.Message);
    }

    [Fact]
    public void AnSbomOfAScanThatDidNotEnableIt_IsRefusedWith400()
    {
        var (choice, _) = Of(SbomReport, "?sbom_media_type=application/spdx%2Bjson");

        var refused = choice!.RefusedBy(Scan(AdapterCapabilities.VulnerabilityOnly));

        Assert.Equal((int)HttpStatusCode.BadRequest, refused!.Status);
        Assert.Contains("did not enable the sbom capability", refused.Message);
    }

    [Fact]
    public void AnSbomDocumentTheScanDidNotAskFor_IsRefused_AndTheOneItAskedForIsNot()
    {
        var cycloneDxOnly = Scan(new AdapterCapabilities(false, ["application/vnd.cyclonedx+json"]));
        var (spdx, _) = Of(SbomReport, "?sbom_media_type=application/spdx%2Bjson");
        var (cycloneDx, _) = Of(SbomReport, "?sbom_media_type=application/vnd.cyclonedx%2Bjson");

        Assert.Contains("application/vnd.cyclonedx+json only", spdx!.RefusedBy(cycloneDxOnly)!.Message);
        Assert.Null(cycloneDx!.RefusedBy(cycloneDxOnly));
    }

    [Fact]
    public void AVulnerabilityReportOfAnSbomOnlyScan_IsRefused_AndOfAVulnerabilityScanIsNot()
    {
        var (choice, _) = Of(Report11);

        Assert.Contains("only the sbom capability", choice!.RefusedBy(Scan(new AdapterCapabilities(false, ["application/spdx+json"])))!.Message);
        Assert.Null(choice.RefusedBy(Scan(AdapterCapabilities.VulnerabilityOnly)));
    }
}
