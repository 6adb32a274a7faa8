using Berth.Api.System;
using Berth.Metadata.Access;

namespace Berth.Api.Projects;

/// <summary>Harbor's <c>Project</c> JSON.</summary>
public sealed record ProjectJson(
    long ProjectId,
    long OwnerId,
    string OwnerName,
    string Name,
    DateTimeOffset CreationTime,
    DateTimeOffset UpdateTime,
    bool Deleted,
    int RepoCount,
    int? CurrentUserRoleId,
    IReadOnlyDictionary<string, string> Metadata,
    CveAllowlistJson? CveAllowlist = null)
{
    public static ProjectJson From(ProjectRecord project, int? role, CveAllowlistJson? allowlist = null) => new(
        project.Id, project.OwnerId ?? 0, project.OwnerName ?? "", project.Name, project.CreatedAt, project.UpdatedAt,
        false, project.RepositoryCount, role, project.Metadata, allowlist);
}
