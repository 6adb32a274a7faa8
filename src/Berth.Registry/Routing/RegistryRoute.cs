using System.Text.RegularExpressions;

namespace Berth.Registry.Routing;

/// <summary>
/// A /v2 path taken apart: what it addresses, the repository name and the reference (digest, tag or
/// upload id). Repository names contain '/', so the path is matched from its end.
/// </summary>
public sealed partial record RegistryRoute(RouteKind Kind, string Name, string Reference)
{
    public static readonly RegistryRoute Base = new(RouteKind.Base, "", "");
    public static readonly RegistryRoute Catalog = new(RouteKind.Catalog, "", "");

    // The upload alternative comes first so that ".../blobs/uploads" is an upload, not a blob named "uploads".
    // \z, not $: $ also matches before a final "\n" (".../tags/list%0A").
    [GeneratedRegex(@"^/(?<name>.+?)/(?:blobs/uploads/?(?<upload>[^/]*)|(?<kind>manifests|blobs|referrers)/(?<ref>[^/]+)|(?<tags>tags/list))\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Shape();

    /// <summary>Parses the path below <c>/v2</c> (for example <c>/library/nginx/manifests/latest</c>); null when no route has that shape.</summary>
    public static RegistryRoute? Parse(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "/") return Base;
        if (path is "/_catalog" or "/_catalog/") return Catalog;
        var match = Shape().Match(path);
        if (!match.Success) return null;
        var name = match.Groups["name"].Value;
        if (match.Groups["tags"].Success) return new RegistryRoute(RouteKind.Tags, name, "");
        if (match.Groups["upload"].Success)
        {
            var id = match.Groups["upload"].Value;
            return new RegistryRoute(id.Length == 0 ? RouteKind.UploadStart : RouteKind.Upload, name, id);
        }
        var kind = match.Groups["kind"].Value switch
        {
            "manifests" => RouteKind.Manifest,
            "blobs" => RouteKind.Blob,
            _ => RouteKind.Referrers,
        };
        return new RegistryRoute(kind, name, match.Groups["ref"].Value);
    }
}
