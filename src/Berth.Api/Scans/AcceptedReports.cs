using Berth.Scanning.Reports.Formats;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Scans;

/// <summary>
/// Harbor's <c>X-Accept-Vulnerabilities</c> header: which report media types a caller wants in overviews and
/// additions. Absent, it means Harbor's default (which includes the 1.1 report Berth stores).
/// </summary>
public static class AcceptedReports
{
    public const string Header = "X-Accept-Vulnerabilities";

    public static bool AcceptsHarborReport(HttpRequest request)
    {
        var header = request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(header)) return true;
        // Media types are comma-separated; each carries "; version=…", so parameters are compared without spaces.
        return header.Split(',').Any(type => Normalize(type) == Normalize(HarborVulnerabilityReport.ReportMediaType));
    }

    private static string Normalize(string mediaType) =>
        string.Concat(mediaType.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
}
