namespace Berth.Registry.Routing;

/// <summary>The resources of the OCI distribution API.</summary>
public enum RouteKind
{
    Base,
    Catalog,
    Tags,
    Manifest,
    Blob,
    UploadStart,
    Upload,
    Referrers,
}
