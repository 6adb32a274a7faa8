namespace Berth.Api.Scans;

/// <summary>The optional body of <c>POST …/artifacts/{ref}/scan</c>: <c>{"scan_type":"vulnerability"|"sbom"}</c>.</summary>
public sealed record ScanTypeRequest(string? ScanType)
{
    public const string Vulnerability = "vulnerability";

    public const string Sbom = "sbom";
}
