using System.Net.Http.Headers;

namespace Berth.Bench.Registry;

/// <summary>
/// The Accept list of a modern client (containerd, podman). Without the OCI types Distribution answers
/// 404 for an OCI manifest, so every manifest request carries them.
/// </summary>
public static class OciAccept
{
    public static IReadOnlyList<MediaTypeWithQualityHeaderValue> Manifests { get; } =
    [
        new("application/vnd.oci.image.manifest.v1+json"),
        new("application/vnd.oci.image.index.v1+json"),
        new("application/vnd.docker.distribution.manifest.v2+json"),
        new("application/vnd.docker.distribution.manifest.list.v2+json"),
    ];
}
