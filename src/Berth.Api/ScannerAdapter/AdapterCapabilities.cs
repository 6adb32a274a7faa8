using Berth.Scanning.Reports.Formats;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// What one scan request enabled: the vulnerability report, and the SBOM documents its report endpoint may render
/// (none when the sbom capability was not asked for).
/// </summary>
/// <param name="SbomMediaTypes">Canonical media types (<see cref="SbomFormats.MediaTypes"/>), each once.</param>
public sealed record AdapterCapabilities(bool VulnerabilityEnabled, IReadOnlyList<string> SbomMediaTypes)
{
    public const string Vulnerability = "vulnerability";
    public const string Sbom = "sbom";

    public bool SbomEnabled => SbomMediaTypes.Count > 0;

    /// <summary>
    /// A request without <c>enabled_capabilities</c>: a vulnerability scan, as every scan was before spec 1.2. (The spec
    /// allows reading it as "everything"; Harbor names sbom explicitly whenever it wants one, so nothing is lost.)
    /// </summary>
    public static AdapterCapabilities VulnerabilityOnly { get; } = new(true, []);
}
