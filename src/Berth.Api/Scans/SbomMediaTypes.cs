using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Berth.Api.Scans;

/// <summary>Which SBOM document a caller of <c>additions/sbom</c> gets: the query's <c>media_type</c>, else Accept, else SPDX.</summary>
public static class SbomMediaTypes
{
    public const string SpdxJson = "application/spdx+json";

    public const string CycloneDxJson = "application/vnd.cyclonedx+json";

    private static readonly IReportFormat Spdx = new SpdxFormat();

    private static readonly IReportFormat CycloneDx = new CycloneDxFormat();

    /// <summary>The format to write, or null when the query names a media type Berth does not render.</summary>
    public static IReportFormat? Choose(HttpRequest request)
    {
        var asked = request.Query["media_type"].ToString();
        if (!string.IsNullOrWhiteSpace(asked)) return Of(asked);
        // An Accept header only picks among the two; anything else (*/*, application/json) gets the default.
        foreach (var accepted in request.Headers.Accept.SelectMany(value => (value ?? "").Split(',')))
            if (Of(accepted) is { } format) return format;
        return Spdx;
    }

    private static IReportFormat? Of(string mediaType)
    {
        if (!MediaTypeHeaderValue.TryParse(mediaType.Trim(), out var parsed)) return null;
        var name = parsed.MediaType.ToString();
        if (string.Equals(name, SpdxJson, StringComparison.OrdinalIgnoreCase)) return Spdx;
        if (string.Equals(name, CycloneDxJson, StringComparison.OrdinalIgnoreCase)) return CycloneDx;
        return null;
    }
}
