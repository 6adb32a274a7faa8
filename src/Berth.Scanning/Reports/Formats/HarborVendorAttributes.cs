using System.Text.Json.Serialization;

namespace Berth.Scanning.Reports.Formats;

/// <summary>A vulnerability's <c>vendor_attributes</c>: the CVSS per advisory source, as harbor-scanner-trivy passes Trivy's on.</summary>
public sealed record HarborVendorAttributes
{
    [JsonPropertyName("CVSS")]
    public IReadOnlyDictionary<string, CvssEntry> Cvss { get; init; } = new Dictionary<string, CvssEntry>();
}
