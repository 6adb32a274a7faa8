namespace Berth.Metadata.Artifacts;

/// <summary>
/// The API's view of repositories, artifacts and tags (the /v2 side writes them through
/// <see cref="IRegistryMetadata"/>). Pull counts and pull times come from the audit log's pull entries.
/// </summary>
public interface IArtifactQueries
{
    /// <summary>The project's repositories by name, optionally only those whose name contains <paramref name="nameContains"/>.</summary>
    Task<IReadOnlyList<RepositorySummary>> ListRepositoriesAsync(long projectId, string? nameContains, CancellationToken cancellationToken);

    /// <summary>The repository with that full name (<c>proj/team/app</c>), or null.</summary>
    Task<RepositorySummary?> FindRepositoryAsync(string name, CancellationToken cancellationToken);

    /// <summary>Deletes the repository with its artifacts, tags and blob links; true when it existed.</summary>
    Task<bool> DeleteRepositoryAsync(long repositoryId, CancellationToken cancellationToken);

    /// <summary>Newest push first, with the total for paging.</summary>
    Task<(IReadOnlyList<ArtifactRecord> Artifacts, int Total)> ListArtifactsAsync(long repositoryId, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>The artifact a tag points at, or the one with that digest; null when there is none.</summary>
    Task<ArtifactRecord?> FindArtifactAsync(long repositoryId, string reference, CancellationToken cancellationToken);

    /// <summary>Adds a tag to the artifact unless the repository already has one of that name.</summary>
    Task<TagAddition> AddTagAsync(long artifactId, string name, CancellationToken cancellationToken);

    /// <summary>Deletes the tag only when it points at this artifact; true when it did.</summary>
    Task<bool> DeleteTagAsync(long artifactId, string name, CancellationToken cancellationToken);
}
