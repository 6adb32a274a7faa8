namespace Berth.Core;

/// <summary>The manifest and blob media types Berth recognises, from the OCI image spec and Docker's.</summary>
public static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciEmpty = "application/vnd.oci.empty.v1+json";
    public const string OciLayerNonDistributable = "application/vnd.oci.image.layer.nondistributable.v1.tar";
    public const string OciLayerNonDistributableGzip = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
    public const string OciLayerNonDistributableZstd = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerSchema1 = "application/vnd.docker.distribution.manifest.v1+json";
    public const string DockerSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";
    public const string DockerForeignLayer = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    public const string OciImageConfig = "application/vnd.oci.image.config.v1+json";
    public const string DockerImageConfig = "application/vnd.docker.container.image.v1+json";

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsImageManifest(string mediaType) => mediaType is OciManifest or DockerManifest;

    public static bool IsManifest(string mediaType) => IsIndex(mediaType) || IsImageManifest(mediaType);

    /// <summary>A config blob that makes a manifest a container image rather than another kind of artifact.</summary>
    public static bool IsImageConfig(string? mediaType) => mediaType is OciImageConfig or DockerImageConfig;

    public static bool IsSchema1(string mediaType) => mediaType is DockerSchema1 or DockerSchema1Signed;

    /// <summary>
    /// Layers that clients fetch from elsewhere (their <c>urls</c>); a registry need not hold them, so a
    /// manifest that names one is valid without the blob.
    /// </summary>
    public static bool IsNonDistributable(string mediaType) =>
        mediaType is DockerForeignLayer or OciLayerNonDistributable or OciLayerNonDistributableGzip or OciLayerNonDistributableZstd;

    /// <summary>The media type without parameters, lower-cased: <c>application/json; charset=utf-8</c> → <c>application/json</c>.</summary>
    public static string Essence(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return "";
        var semicolon = contentType.IndexOf(';');
        var essence = semicolon >= 0 ? contentType[..semicolon] : contentType;
        return essence.Trim().ToLowerInvariant();
    }
}
