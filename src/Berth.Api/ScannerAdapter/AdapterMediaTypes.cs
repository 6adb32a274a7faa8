using System.Net.Http.Headers;
using Berth.Scanning.Reports.Formats;

namespace Berth.Api.ScannerAdapter;

/// <summary>The media types of the Pluggable Scanner API (spec v1.2), and how a header is matched against them.</summary>
public static class AdapterMediaTypes
{
    public const string Metadata10 = "application/vnd.scanner.adapter.metadata+json; version=1.0";
    public const string Metadata11 = "application/vnd.scanner.adapter.metadata+json; version=1.1";
    public const string ScanResponse = "application/vnd.scanner.adapter.scan.response+json; version=1.0";
    public const string Error = "application/vnd.scanner.adapter.error+json; version=1.0";

    /// <summary>The legacy native report type: what a missing Accept header asks for.</summary>
    public const string HarborReport10 = HarborVulnerabilityReport.LegacyReportMediaType;

    public const string VulnerabilityReport11 = HarborVulnerabilityReport.ReportMediaType;

    /// <summary>The SBOM capability's one report type (spec v1.2), wrapping an SPDX or CycloneDX document.</summary>
    public const string SbomReport10 = HarborSbomReport.ReportMediaType;

    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    public static readonly IReadOnlyList<string> Consumed = [OciManifest, DockerManifest];

    public static readonly IReadOnlyList<string> ProducedReports = [HarborReport10, VulnerabilityReport11];

    public static readonly IReadOnlyList<string> ProducedSbomReports = [SbomReport10];

    /// <summary>The documents an SBOM report can carry: the metadata's <c>sbom_media_types</c>.</summary>
    public static IReadOnlyList<string> SbomDocuments => SbomFormats.MediaTypes;

    /// <summary>
    /// The first of <paramref name="offered"/> that the Accept header names (type and <c>version</c> parameter),
    /// the first offered when the header is absent or a wildcard, else null.
    /// </summary>
    public static string? Negotiate(string? accept, IReadOnlyList<string> offered)
    {
        if (string.IsNullOrWhiteSpace(accept)) return offered[0];
        foreach (var candidate in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MediaTypeHeaderValue.TryParse(candidate, out var parsed) || parsed.MediaType is null) continue;
            if (parsed.MediaType is "*/*" or "application/*") return offered[0];
            if (offered.FirstOrDefault(known => Same(parsed, known)) is { } match) return match;
        }
        return null;
    }

    /// <summary>Whether <paramref name="value"/> is <paramref name="known"/>, ignoring case, spacing and quotes of the version.</summary>
    public static bool Matches(string? value, string known) =>
        value is not null && MediaTypeHeaderValue.TryParse(value, out var parsed) && Same(parsed, known);

    private static bool Same(MediaTypeHeaderValue parsed, string known)
    {
        var expected = MediaTypeHeaderValue.Parse(known);
        return string.Equals(parsed.MediaType, expected.MediaType, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Version(parsed), Version(expected), StringComparison.OrdinalIgnoreCase);
    }

    private static string? Version(MediaTypeHeaderValue value) =>
        value.Parameters.FirstOrDefault(p => string.Equals(p.Name, "version", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
}
