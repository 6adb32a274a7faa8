using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// Which report a <c>GET /api/v1/scan/{id}/report</c> asks for: one of the vulnerability report types, or the SBOM
/// report with the document its <c>sbom_media_type</c> names; else the spec's error, 501 for an <c>Accept</c> Berth
/// does not write and 400 for an SBOM report without a known <c>sbom_media_type</c>.
/// </summary>
/// <param name="SbomDocument">The SPDX or CycloneDX format to embed; null for a vulnerability report.</param>
public sealed record AdapterReportChoice(string MediaType, IReportFormat? SbomDocument)
{
    public const string SbomMediaTypeQuery = "sbom_media_type";

    public static (AdapterReportChoice? Choice, AdapterError? Error) Of(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        var asked = request.Query[SbomMediaTypeQuery].ToString();
        // An absent or wildcard Accept gets the first offered: the legacy vulnerability report, as before spec 1.2,
        // unless the query names an SBOM document, which only the SBOM report carries.
        IReadOnlyList<string> offered = string.IsNullOrWhiteSpace(asked)
            ? [.. AdapterMediaTypes.ProducedReports, .. AdapterMediaTypes.ProducedSbomReports]
            : [.. AdapterMediaTypes.ProducedSbomReports, .. AdapterMediaTypes.ProducedReports];
        var type = AdapterMediaTypes.Negotiate(accept, offered);
        if (type is null)
            return (null, AdapterError.NotImplemented($"Berth's adapter writes {string.Join(", ", offered)}, not {accept}"));
        if (type != AdapterMediaTypes.SbomReport10) return (new AdapterReportChoice(type, null), null);
        if (string.IsNullOrWhiteSpace(asked))
            return (null, AdapterError.BadRequest(
                $"the SBOM report needs the query parameter {SbomMediaTypeQuery}: {string.Join(" or ", SbomFormats.MediaTypes)}"));
        if (SbomFormats.Find(asked) is not { } document)
            return (null, AdapterError.BadRequest(
                $"{SbomMediaTypeQuery} '{asked}' is not an SBOM Berth writes; use {string.Join(" or ", SbomFormats.MediaTypes)}"));
        return (new AdapterReportChoice(type, document), null);
    }

    /// <summary>
    /// Null when <paramref name="scan"/>'s request enabled this report, else the error saying what it did enable. It is a
    /// 400: the spec's 400 is a report query that does not fit its scan request (its example is the sbom_media_type),
    /// while 404 would tell Harbor the scan is gone and 501 that Berth lacks the capability, and neither is true.
    /// </summary>
    public AdapterError? RefusedBy(AdapterScan scan)
    {
        var enabled = scan.Capabilities;
        if (SbomDocument is null)
            return enabled.VulnerabilityEnabled ? null : AdapterError.BadRequest(
                $"scan request {scan.Id} enabled only the sbom capability; ask for {AdapterMediaTypes.SbomReport10}, "
                + "or request a scan with the vulnerability capability");
        if (!enabled.SbomEnabled)
            return AdapterError.BadRequest(
                $"scan request {scan.Id} did not enable the sbom capability; request a scan with enabled_capabilities [{{\"type\":\"sbom\"}}] for an SBOM");
        return enabled.SbomMediaTypes.Contains(SbomDocument.MediaType) ? null : AdapterError.BadRequest(
            $"scan request {scan.Id} asked for {string.Join(" and ", enabled.SbomMediaTypes)} only, not {SbomDocument.MediaType}");
    }
}
