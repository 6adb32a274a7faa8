namespace Berth.Scanning.Images;

/// <summary>
/// Which manifest layers are filesystem changesets (tar, possibly compressed), as the OCI image spec and
/// Docker name them. Other layer types (Helm charts, signatures, attestations) hold no files to scan.
/// </summary>
public static class LayerMediaTypes
{
    public static bool IsFilesystemLayer(string mediaType) =>
        mediaType.StartsWith("application/vnd.oci.image.layer.", StringComparison.Ordinal)
        || mediaType.StartsWith("application/vnd.docker.image.rootfs.diff.tar", StringComparison.Ordinal)
        || mediaType.StartsWith("application/vnd.docker.image.rootfs.foreign.diff.tar", StringComparison.Ordinal);
}
