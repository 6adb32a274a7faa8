using Berth.Scanning.Reports;
using Berth.Scanning.Reports.Formats;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Berth.Api.Scans;

/// <summary>Which SBOM document a caller of <c>additions/sbom</c> gets: the query's <c>media_type</c>, else Accept, else SPDX.</summary>
public static class SbomMediaTypes
{
    /// <summary>The media types served, for an error message: "application/spdx+json or application/vnd.cyclonedx+json".</summary>
    public static string Served { get; } = string.Join(" or ", SbomFormats.MediaTypes);

    /// <summary>The format to write, or null when the query names a media type Berth does not render.</summary>
    public static IReportFormat? Choose(HttpRequest request)
    {
        var asked = request.Query["media_type"].ToString();
        if (!string.IsNullOrWhiteSpace(asked)) return Of(asked);
        // An Accept header only picks among the two; anything else (*/*, application/json) gets the default.
        foreach (var accepted in request.Headers.Accept.SelectMany(value => (value ?? "").Split(',')))
            if (Of(accepted) is { } format) return format;
        return SbomFormats.All[0];
    }

    private static IReportFormat? Of(string mediaType)
    {
        if (!MediaTypeHeaderValue.TryParse(mediaType.Trim(), out var parsed)) return null;
        return SbomFormats.Find(parsed.MediaType.ToString());
    }
}
