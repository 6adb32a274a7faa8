using Berth.Access.Roles;

namespace Berth.Access.Identity;

/// <summary>
/// The one place that decides whether a principal may do something in a project: system administrators
/// may do anything; robots exactly what their grants list; users what their role grants; and everyone
/// what a public project grants.
/// </summary>
public static class AccessPolicy
{
    public static bool Allows(Principal principal, ProjectAccess project, Permission permission)
    {
        if (principal.IsSystemAdmin) return true;
        if (project.IsPublic && RolePolicy.PublicProject.Contains(permission)) return true;
        return principal.Kind switch
        {
            PrincipalKind.Robot => principal.RobotGrants.Any(g => g.Covers(project.ProjectName) && g.Allows(permission)),
            PrincipalKind.User => project.Role is { } role && RolePolicy.Grants(role, permission),
            _ => false,
        };
    }

    /// <summary>Whether the principal can see the project at all (list it, read it).</summary>
    public static bool CanSee(Principal principal, ProjectAccess project) =>
        Allows(principal, project, new Permission(Resources.Project, Actions.Read))
        || Allows(principal, project, new Permission(Resources.Repository, Actions.Pull));
}
