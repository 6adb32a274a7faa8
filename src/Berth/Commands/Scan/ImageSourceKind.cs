namespace Berth.Commands.Scan;

/// <summary>Where the image named on the command line is stored.</summary>
internal enum ImageSourceKind
{
    /// <summary>An OCI image layout directory.</summary>
    OciLayout,

    /// <summary>A <c>docker save</c> / <c>podman save</c> tar.</summary>
    DockerArchive,

    /// <summary>A plain directory (a source checkout, a root filesystem) scanned in place, lock files included.</summary>
    Directory,

    /// <summary>An image pushed to the Berth registry whose data directory is given with <c>--data</c>.</summary>
    Registry,
}
