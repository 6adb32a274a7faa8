using Berth.Metadata.Artifacts;

namespace Berth.Api.Repositories;

/// <summary>Harbor's <c>Repository</c> JSON; <see cref="Name"/> includes the project (<c>proj/team/app</c>).</summary>
public sealed record RepositoryJson(
    long Id,
    long ProjectId,
    string Name,
    string Description,
    int ArtifactCount,
    long PullCount,
    DateTimeOffset CreationTime,
    DateTimeOffset UpdateTime)
{
    public static RepositoryJson From(RepositorySummary repository) => new(
        repository.Id, repository.ProjectId, repository.Name, "", repository.ArtifactCount, repository.PullCount,
        repository.CreatedAt, repository.UpdatedAt);
}
