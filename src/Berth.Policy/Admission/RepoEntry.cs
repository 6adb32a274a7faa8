using System.Text.RegularExpressions;
using Berth.Core;

namespace Berth.Policy.Admission;

/// <summary>
/// One <c>spec.parameters.repos</c> entry, normalized like an image so both sides compare alike. It admits an
/// image on its registry whose repository is the entry's path or lies below it on a '/' boundary:
/// <c>harbor.example.com</c> admits <c>harbor.example.com/x</c> but not <c>harbor.example.com.evil.io/x</c>, and
/// <c>harbor.example.com/shop</c> does not admit <c>harbor.example.com/shopping</c>. The forms:
/// <list type="bullet">
/// <item>a host (<c>harbor.example.com</c>, <c>localhost</c>, <c>host:5000</c>, with or without a final '/'): everything on it;</item>
/// <item>a namespace ending in '/' or '/*' (<c>openpolicyagent/</c> is <c>docker.io/openpolicyagent</c>): everything below it;</item>
/// <item>a repository (<c>harbor.example.com/shop/web</c>, <c>bitnami/redis</c>): it and everything below it;</item>
/// <item>a bare Docker Hub name (<c>nginx</c>): the official image <c>docker.io/library/nginx</c>;</item>
/// <item>with a tag or digest (<c>nginx:1.25</c>): exactly that image.</item>
/// </list>
/// </summary>
public sealed partial record RepoEntry(string Text, string Domain, string Path, string? Tag, string? Digest)
{
    public bool Admits(ImageReference image)
    {
        if (!string.Equals(image.Domain, Domain, StringComparison.Ordinal)) return false;
        if (Tag is not null || Digest is not null)
            return image.Path == Path && (Tag is null || image.Tag == Tag) && (Digest is null || image.Digest == Digest);
        return Path.Length == 0 || image.Path == Path || image.Path.StartsWith(Path + "/", StringComparison.Ordinal);
    }

    /// <summary>The entry, or an error saying what is wrong with it.</summary>
    public static RepoEntry? Parse(string text, out string? error)
    {
        error = null;
        var rest = text.Trim();
        if (rest.Length == 0)
        {
            error = "is empty";
            return null;
        }
        if (rest.EndsWith('*'))
        {
            if (!rest.EndsWith("/*", StringComparison.Ordinal))
            {
                error = $"'{text}': a '*' is accepted only as a final '/*'";
                return null;
            }
            rest = rest[..^1];
        }
        var isNamespace = rest.EndsWith('/');
        rest = rest.TrimEnd('/');
        if (!rest.Contains('/') && IsHost(rest))
        {
            // TrySplitDomain lower-cases the host and folds index.docker.io into docker.io.
            if (!ImageReference.TrySplitDomain(rest + "/x", out var domain, out _, out var hostError))
            {
                error = $"'{text}': {hostError}";
                return null;
            }
            return new RepoEntry(text, domain, "", null, null);
        }

        string? digest = null, tag = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }
        if (isNamespace && (tag is not null || digest is not null))
        {
            error = $"'{text}': an entry ending in '/' names a namespace and cannot have a tag or digest";
            return null;
        }
        // An entry naming an image is read as the runtime reads an image name (docker.io/nginx is docker.io/library/nginx);
        // one ending in '/' names a namespace, which stays as written (openpolicyagent/ is docker.io/openpolicyagent).
        if (!ImageReference.TrySplitDomain(rest, out var entryDomain, out var path, out var splitError, expandOfficialImages: !isNamespace))
        {
            error = $"'{text}': {splitError}";
            return null;
        }
        var full = $"{entryDomain}/{path}" + (tag is null ? "" : ":" + tag) + (digest is null ? "" : "@" + digest);
        if ((tag is not null || digest is not null) && !ImageReference.TryParse(full, out _, out var referenceError))
        {
            error = $"'{text}': {referenceError}";
            return null;
        }
        return new RepoEntry(text, entryDomain, path, tag, digest);
    }

    /// <summary>A first component that can only be a registry: a dot, <c>localhost</c>, or <c>name:port</c>.</summary>
    private static bool IsHost(string text) =>
        text.Contains('.') && !text.Contains(':') && !text.Contains('@') || text.Equals("localhost", StringComparison.OrdinalIgnoreCase) || HostWithPort().IsMatch(text);

    [GeneratedRegex(@"^[^:@/]+:[0-9]{1,5}\z|^\[[0-9a-fA-F:.]+\](?::[0-9]{1,5})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostWithPort();
}
