namespace Berth.Metadata.Artifacts;

/// <summary>
/// A repository as the API lists it: its full name (<c>proj/team/app</c>), how many artifacts it holds,
/// how often they were pulled, and when it was created and last pushed to.
/// </summary>
public sealed record RepositorySummary(
    long Id,
    long ProjectId,
    string Name,
    int ArtifactCount,
    long PullCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
