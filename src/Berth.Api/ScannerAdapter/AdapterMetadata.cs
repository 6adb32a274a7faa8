using System.Globalization;
using Berth.Core.Advisories;
using Berth.Scanning.Reports.Formats;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// What <c>GET /api/v1/metadata</c> says: Berth as the scanner; for OCI and Docker image manifests, the vulnerability
/// capability with both Harbor report types and the sbom capability (spec v1.2) with SPDX and CycloneDX documents;
/// and when the advisory database was last imported.
/// </summary>
public sealed class AdapterMetadata(IAdvisoryStore advisories)
{
    public const string ScannerTypeProperty = "harbor.scanner-adapter/scanner-type";
    public const string DatabaseUpdatedProperty = "harbor.scanner-adapter/vulnerability-database-updated-at";

    public async Task<AdapterMetadataJson> BuildAsync(CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string> { [ScannerTypeProperty] = "os-package-vulnerability" };
        var sources = await advisories.ListSourcesAsync(cancellationToken);
        if (sources.Count > 0)
            properties[DatabaseUpdatedProperty] = sources.Max(s => s.ImportedAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return new AdapterMetadataJson(
            HarborScanner.Berth,
            [
                new AdapterCapabilityJson(AdapterCapabilities.Vulnerability, AdapterMediaTypes.Consumed, AdapterMediaTypes.ProducedReports),
                new AdapterCapabilityJson(AdapterCapabilities.Sbom, AdapterMediaTypes.Consumed, AdapterMediaTypes.ProducedSbomReports,
                    new AdapterCapabilityAttributesJson(AdapterMediaTypes.SbomDocuments)),
            ],
            properties);
    }
}
