using Berth.Core;

namespace Berth.Commands.Scan;

/// <summary>
/// The IMAGE of <c>berth scan</c>: <c>oci:DIR[:TAG]</c>, <c>docker-archive:PATH[:REPO:TAG]</c>, <c>fs:DIR</c> (a
/// directory scanned in place), a plain path (a directory holding an OCI layout is one, any other directory is
/// scanned in place, <c>DIR:TAG</c> picks a tag in a layout, a file is a docker-archive), or
/// <c>PROJECT/REPO:TAG</c> / <c>PROJECT/REPO@DIGEST</c> for an image in the Berth registry itself. Paths
/// win over references: a path that exists is never read as a repository name.
/// </summary>
/// <param name="Location">The directory or file, or the repository name for <see cref="ImageSourceKind.Registry"/>.</param>
/// <param name="Reference">The tag (or REPO:TAG in a docker-archive, or tag/digest in the registry); null for the only image.</param>
internal sealed record ImageArgument(ImageSourceKind Kind, string Location, string? Reference)
{
    private const string OciPrefix = "oci:";
    private const string DockerArchivePrefix = "docker-archive:";
    private const string DirectoryPrefix = "fs:";

    public static bool TryParse(string text, out ImageArgument image, out string error)
    {
        image = null!;
        error = "";
        if (text.StartsWith(OciPrefix, StringComparison.Ordinal))
            return Located(ImageSourceKind.OciLayout, text[OciPrefix.Length..], Directory.Exists, "directory", out image, out error);
        if (text.StartsWith(DockerArchivePrefix, StringComparison.Ordinal))
            return Located(ImageSourceKind.DockerArchive, text[DockerArchivePrefix.Length..], File.Exists, "file", out image, out error);

        if (text.StartsWith(DirectoryPrefix, StringComparison.Ordinal))
        {
            var directory = text[DirectoryPrefix.Length..];
            if (!Directory.Exists(directory))
            {
                error = $"{directory} is not a directory";
                return false;
            }
            image = new ImageArgument(ImageSourceKind.Directory, directory, null);
            return true;
        }

        if (Directory.Exists(text))
        {
            image = new ImageArgument(IsOciLayout(text) ? ImageSourceKind.OciLayout : ImageSourceKind.Directory, text, null);
            return true;
        }
        if (File.Exists(text))
        {
            image = new ImageArgument(ImageSourceKind.DockerArchive, text, null);
            return true;
        }
        var colon = text.LastIndexOf(':');
        if (colon > 0 && Directory.Exists(text[..colon]) && !text[(colon + 1)..].Contains('/'))
        {
            image = new ImageArgument(ImageSourceKind.OciLayout, text[..colon], text[(colon + 1)..]);
            return true;
        }
        if (TryParseRegistryReference(text, out image)) return true;

        error = $"'{text}' is neither an existing file or directory nor an image reference such as library/app:1.0";
        return false;
    }

    // The layout spec makes both files mandatory; either one is enough to tell a layout from a source tree.
    private static bool IsOciLayout(string directory) =>
        File.Exists(Path.Combine(directory, "oci-layout")) || File.Exists(Path.Combine(directory, "index.json"));

    /// <summary>
    /// A prefixed path with an optional <c>:REFERENCE</c> after it. Paths may hold colons themselves, so the
    /// split is the one whose left part exists: the whole text first, then each colon from the left.
    /// </summary>
    private static bool Located(ImageSourceKind kind, string rest, Func<string, bool> exists, string what, out ImageArgument image, out string error)
    {
        image = null!;
        error = "";
        if (exists(rest))
        {
            image = new ImageArgument(kind, rest, null);
            return true;
        }
        for (var colon = rest.IndexOf(':'); colon > 0; colon = rest.IndexOf(':', colon + 1))
        {
            if (!exists(rest[..colon])) continue;
            var reference = rest[(colon + 1)..];
            if (reference.Length == 0) break;
            image = new ImageArgument(kind, rest[..colon], reference);
            return true;
        }
        error = $"{rest} does not exist (expected a {what}{(kind == ImageSourceKind.OciLayout ? " holding an OCI image layout" : ": a docker-archive tar")})";
        return false;
    }

    private static bool TryParseRegistryReference(string text, out ImageArgument image)
    {
        image = null!;
        string repository;
        string reference;
        var at = text.IndexOf('@');
        if (at > 0)
        {
            repository = text[..at];
            reference = text[(at + 1)..];
            if (!Digest.TryParse(reference, out _)) return false;
        }
        else
        {
            var colon = text.LastIndexOf(':');
            var slash = text.LastIndexOf('/');
            (repository, reference) = colon > slash ? (text[..colon], text[(colon + 1)..]) : (text, "latest");
            if (!TagName.IsValid(reference)) return false;
        }
        // Berth keeps every repository inside a project, so a name without one is not in the registry.
        if (!repository.Contains('/') || !RepositoryName.IsValid(repository)) return false;
        image = new ImageArgument(ImageSourceKind.Registry, repository, reference);
        return true;
    }
}
