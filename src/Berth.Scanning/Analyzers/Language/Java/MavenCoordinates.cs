using Berth.Scanning.Packages;

namespace Berth.Scanning.Analyzers.Language.Java;

/// <summary>
/// A Maven artifact's identity. Advisories name Maven packages <c>groupId:artifactId</c>; an artifact
/// identified by its file name alone has no group and is reported by its artifact id.
/// </summary>
public sealed record MavenCoordinates(string? GroupId, string ArtifactId, string Version)
{
    public bool Valid => GroupId is { Length: > 0 } && ArtifactId.Length > 0 && Version.Length > 0;

    public Package ToPackage(string filePath) => new()
    {
        Name = GroupId is { Length: > 0 } ? $"{GroupId}:{ArtifactId}" : ArtifactId,
        Version = Version,
        Ecosystem = Ecosystem.Maven,
        FilePath = filePath,
    };
}
