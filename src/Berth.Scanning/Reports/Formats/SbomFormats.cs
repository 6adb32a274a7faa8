namespace Berth.Scanning.Reports.Formats;

/// <summary>The SBOM documents Berth writes, found by their media type (<c>application/spdx+json</c>, <c>application/vnd.cyclonedx+json</c>).</summary>
public static class SbomFormats
{
    /// <summary>SPDX first: it is what Harbor's own SBOM generation produces, so it is the default where one is needed.</summary>
    public static IReadOnlyList<IReportFormat> All { get; } = [new SpdxFormat(), new CycloneDxFormat()];

    public static IReadOnlyList<string> MediaTypes { get; } = [.. All.Select(format => format.MediaType)];

    /// <summary>
    /// The format of that media type (case and surrounding space ignored), or null. A '+' sent unescaped in a query
    /// string arrives as a space ("application/spdx json"), so a space inside is read as the '+' it was.
    /// </summary>
    public static IReportFormat? Find(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType)) return null;
        var name = mediaType.Trim().Replace(' ', '+');
        return All.FirstOrDefault(format => string.Equals(format.MediaType, name, StringComparison.OrdinalIgnoreCase));
    }
}
