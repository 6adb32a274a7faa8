namespace Berth.Scanning.Reports.Formats;

/// <summary>
/// An image name as the user gave it, split: "registry:5000/team/app:1.2@sha256:…" → repository "registry:5000/team/app",
/// tag "1.2", digest "sha256:…". A local OCI layout named "path:tag" splits the same way.
/// </summary>
public sealed record ImageNameParts(string Repository, string? Tag, string? Digest)
{
    public static ImageNameParts Of(string name)
    {
        string? digest = null;
        if (name.IndexOf('@') is > 0 and var at)
        {
            digest = name[(at + 1)..];
            name = name[..at];
        }
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') && colon < name.Length - 1
            ? new ImageNameParts(name[..colon], name[(colon + 1)..], digest)
            : new ImageNameParts(name, null, digest);
    }
}
