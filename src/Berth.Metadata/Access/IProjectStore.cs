namespace Berth.Metadata.Access;

/// <summary>Projects, their metadata and their members.</summary>
public interface IProjectStore
{
    Task<ProjectRecord?> FindAsync(string name, CancellationToken cancellationToken);

    Task<ProjectRecord?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The new project, or null when the name is taken.</summary>
    Task<ProjectRecord?> CreateAsync(string name, long? ownerId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>Sets (or adds) the given metadata keys; others stay.</summary>
    Task<bool> SetMetadataAsync(long id, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    Task<bool> DeleteMetadataAsync(long id, string key, CancellationToken cancellationToken);

    /// <summary>Deletes the project with its members and, when <paramref name="withRepositories"/>, its repositories; false when it holds repositories and that is not asked.</summary>
    Task<bool> DeleteAsync(long id, bool withRepositories, CancellationToken cancellationToken);

    /// <summary>All projects by name, with their metadata; the caller filters by what the principal may see.</summary>
    Task<IReadOnlyList<ProjectRecord>> ListAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ProjectMember>> ListMembersAsync(long projectId, CancellationToken cancellationToken);

    /// <summary>The member's role in the project (Harbor's role id), or null when the user is not a member.</summary>
    Task<int?> FindRoleAsync(long projectId, long userId, CancellationToken cancellationToken);

    /// <summary>The new membership, or null when the user is already a member.</summary>
    Task<ProjectMember?> AddMemberAsync(long projectId, long userId, int role, CancellationToken cancellationToken);

    Task<bool> SetMemberRoleAsync(long projectId, long memberId, int role, CancellationToken cancellationToken);

    Task<bool> RemoveMemberAsync(long projectId, long memberId, CancellationToken cancellationToken);
}
