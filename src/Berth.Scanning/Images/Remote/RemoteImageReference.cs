using Berth.Core;

namespace Berth.Scanning.Images.Remote;

/// <summary>
/// An image in another registry, as a scan request names it: the registry's base URL (http or https only), the
/// repository, the manifest digest, and the <c>Authorization</c> header value to send to its <c>/v2</c> API.
/// </summary>
public sealed record RemoteImageReference(Uri Registry, string Repository, Digest Digest, string? Authorization)
{
    /// <summary>The reference, or null with <paramref name="error"/> naming the field that is wrong.</summary>
    public static RemoteImageReference? TryCreate(string? registryUrl, string? repository, string? digest, string? authorization, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(registryUrl) || !Uri.TryCreate(registryUrl.Trim(), UriKind.Absolute, out var registry))
            return Refuse("registry.url is not an absolute URL", out error);
        // Anything but http(s) (file:, ftp:, gopher:…) would make the scanner read what the caller could not.
        if (registry.Scheme != Uri.UriSchemeHttp && registry.Scheme != Uri.UriSchemeHttps)
            return Refuse($"registry.url must be http or https, not {registry.Scheme}", out error);
        if (!string.IsNullOrEmpty(registry.UserInfo) || !string.IsNullOrEmpty(registry.Query) || !string.IsNullOrEmpty(registry.Fragment))
            return Refuse("registry.url must not carry credentials, a query or a fragment", out error);
        if (string.IsNullOrWhiteSpace(repository) || !RepositoryName.IsValid(repository))
            return Refuse($"artifact.repository '{repository}' is not a repository name", out error);
        if (!Digest.TryParse(digest, out var parsed)) return Refuse($"artifact.digest '{digest}' is not a digest", out error);
        if (authorization is { } header && (header.Contains('\r') || header.Contains('\n')))
            return Refuse("registry.authorization must be one header line", out error);
        return new RemoteImageReference(registry, repository, parsed, string.IsNullOrWhiteSpace(authorization) ? null : authorization.Trim());
    }

    /// <summary>The registry's <c>/v2/&lt;repository&gt;/&lt;kind&gt;/&lt;digest&gt;</c> address (a base path is kept).</summary>
    public Uri Address(string kind, Digest digest) =>
        new($"{Registry.GetLeftPart(UriPartial.Path).TrimEnd('/')}/v2/{Repository}/{kind}/{digest}");

    private static RemoteImageReference? Refuse(string message, out string error)
    {
        error = message;
        return null;
    }
}
