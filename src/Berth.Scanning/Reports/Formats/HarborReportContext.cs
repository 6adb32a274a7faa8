namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// What a Harbor report says about the artifact that the scanned image alone does not know: the repository and tag
/// it was requested under and the manifest's media type.
/// </summary>
/// <param name="Repository">e.g. "library/debian"; null uses the scanned image's name.</param>
/// <param name="Digest">The manifest digest as requested; null uses the scanned image's manifest digest.</param>
public sealed record HarborReportContext(string? Repository = null, string? Tag = null, string MimeType = HarborReportContext.OciManifest, string? Digest = null)
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    public static HarborReportContext None { get; } = new();
}
