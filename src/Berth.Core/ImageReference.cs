using System.Text.RegularExpressions;

namespace Berth.Core;

/// <summary>
/// An image reference as a container runtime reads it (distribution/reference's normalized form): a registry
/// domain, a repository path on it, and a tag and/or digest. <c>nginx</c> is <c>docker.io/library/nginx:latest</c>;
/// the first component names a registry only when it has a '.' or ':', is <c>localhost</c>, or has upper case.
/// Admission rules compare these normalized parts, never the text as written, so shorthand names and look-alike
/// hosts cannot slip past them.
/// </summary>
public sealed partial record ImageReference
{
    public const string DockerHub = "docker.io";
    public const string DefaultTag = "latest";

    /// <summary>distribution/reference's limit for the name (domain and path) without tag or digest.</summary>
    public const int MaxNameLength = 255;

    private ImageReference(string domain, string path, string? tag, string? digest)
    {
        Domain = domain;
        Path = path;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry host, with its port when given, lower-cased (host names are case-insensitive).</summary>
    public string Domain { get; }

    /// <summary>The repository on the registry (<c>library/nginx</c>, <c>shop/web</c>).</summary>
    public string Path { get; }

    /// <summary>The tag, <c>latest</c> when neither tag nor digest was given; null when only a digest was.</summary>
    public string? Tag { get; }

    /// <summary>The digest (<c>sha256:…</c>) when given; with both, the runtime pulls by digest.</summary>
    public string? Digest { get; }

    /// <summary><c>domain/path</c>, the repository's full name.</summary>
    public string Name => $"{Domain}/{Path}";

    /// <summary>The normalized reference: <c>docker.io/library/nginx:latest</c>, <c>host:5000/app@sha256:…</c>.</summary>
    public override string ToString() =>
        Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>Parses <paramref name="text"/> as a runtime would; on failure, <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, out ImageReference reference, out string error)
    {
        reference = null!;
        if (string.IsNullOrEmpty(text))
        {
            error = "the image reference is empty";
            return false;
        }
        if (AnyWhitespace().IsMatch(text))
        {
            error = "an image reference cannot contain whitespace";
            return false;
        }
        if (ImageId().IsMatch(text))
        {
            error = "a bare 64-character hex string is an image ID, not a reference";
            return false;
        }

        var rest = text;
        string? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!IsValidDigest(digest))
            {
                error = $"'{digest}' is not a valid digest (expected sha256:, sha384: or sha512: and lower-case hex of the right length)";
                return false;
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagName.IsValid(tag))
            {
                error = $"'{tag}' is not a valid tag";
                return false;
            }
        }

        if (!TrySplitDomain(rest, out var domain, out var path, out error)) return false;
        if (domain.Length + 1 + path.Length > MaxNameLength)
        {
            error = $"the repository name is longer than {MaxNameLength} characters";
            return false;
        }
        if (tag is null && digest is null) tag = DefaultTag;
        reference = new ImageReference(domain, path, tag, digest);
        error = "";
        return true;
    }

    /// <summary>
    /// Splits a name without tag or digest into its normalized domain and path (the runtime's splitDockerDomain),
    /// and checks both against the grammar. Admission rule entries go through this too, without
    /// <paramref name="expandOfficialImages"/> when they name a namespace (<c>docker.io/bitnami/</c>) rather than an image.
    /// </summary>
    public static bool TrySplitDomain(string name, out string domain, out string path, out string error, bool expandOfficialImages = true)
    {
        domain = "";
        path = "";
        var slash = name.IndexOf('/');
        var first = slash < 0 ? name : name[..slash];
        var isDomain = slash >= 0 && (first.Contains('.') || first.Contains(':') || first == "localhost" || first.Any(char.IsAsciiLetterUpper));
        if (isDomain)
        {
            domain = first.ToLowerInvariant();
            path = name[(slash + 1)..];
        }
        else
        {
            domain = DockerHub;
            path = name;
        }
        if (domain == "index.docker.io") domain = DockerHub;
        if (!DomainGrammar().IsMatch(domain))
        {
            error = $"'{first}' is not a valid registry host[:port]";
            return false;
        }
        if (path.Length == 0)
        {
            error = "the reference names no repository";
            return false;
        }
        if (path.Any(char.IsAsciiLetterUpper))
        {
            error = $"the repository '{path}' must be lower-case";
            return false;
        }
        if (!RepositoryName.IsValid(path))
        {
            error = $"'{path}' is not a valid repository path";
            return false;
        }
        // Docker Hub's official images live under library/.
        if (expandOfficialImages && domain == DockerHub && !path.Contains('/')) path = "library/" + path;
        error = "";
        return true;
    }

    /// <summary>go-digest's rule: a registered algorithm and lower-case hex of its length.</summary>
    private static bool IsValidDigest(string digest)
    {
        var colon = digest.IndexOf(':');
        if (colon <= 0) return false;
        var length = digest[..colon] switch
        {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ => -1,
        };
        var hex = digest[(colon + 1)..];
        return hex.Length == length && hex.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
    }

    // A host name (labels of letters, digits and inner hyphens), an IPv4 address, or a bracketed IPv6 address,
    // with an optional port. Matched after lower-casing.
    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[a-f0-9:.]+\])(?::[0-9]{1,5})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DomainGrammar();

    [GeneratedRegex(@"^[a-f0-9]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ImageId();

    [GeneratedRegex(@"\s", RegexOptions.CultureInvariant)]
    private static partial Regex AnyWhitespace();
}
