using Berth.Access.Identity;
using Berth.Access.Roles;
using Berth.Metadata.Access;

namespace Berth.Access.Authorization;

/// <summary>Looks up what decides a principal's rights in a project: the project's visibility and the principal's role.</summary>
public sealed class ProjectAccessResolver(IProjectStore projects)
{
    /// <summary>The project's access facts, or null when no project has that name.</summary>
    public async Task<ProjectAccess?> ResolveAsync(Principal principal, string projectName, CancellationToken cancellationToken)
    {
        var project = await projects.FindAsync(projectName, cancellationToken);
        if (project is null) return null;
        ProjectRole? role = null;
        if (principal.Kind == PrincipalKind.User && principal.Id != 0
            && await projects.FindRoleAsync(project.Id, principal.Id, cancellationToken) is { } roleId)
        {
            role = (ProjectRole)roleId;
        }
        return new ProjectAccess(project.Id, project.Name, project.IsPublic, role);
    }
}
