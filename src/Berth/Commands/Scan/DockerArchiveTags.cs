namespace Berth.Commands.Scan;

/// <summary>
/// The names a docker-archive may record for the tag a user typed: `docker save` writes the familiar form
/// (<c>app:1.0</c>, <c>team/app:1.0</c>), skopeo and podman the full one (<c>docker.io/library/app:1.0</c>).
/// </summary>
internal static class DockerArchiveTags
{
    public static IReadOnlyList<string> Candidates(string repoTag)
    {
        var slash = repoTag.IndexOf('/');
        var first = slash < 0 ? "" : repoTag[..slash];
        // A first component with a dot or a port, or "localhost", is a registry host: the name is already full.
        var hasRegistry = first.Contains('.') || first.Contains(':') || first == "localhost";
        if (hasRegistry) return [repoTag];
        return [repoTag, slash < 0 ? $"docker.io/library/{repoTag}" : $"docker.io/{repoTag}"];
    }
}
