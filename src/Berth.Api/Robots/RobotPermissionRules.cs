using Berth.Access.Authorization;
using Berth.Access.Identity;
using Berth.Access.Robots;
using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Metadata.Access;

namespace Berth.Api.Robots;

/// <summary>
/// Decides whether a caller may give a robot a level and permission list: system robots are for system
/// administrators only; a project robot holds project resources of exactly one project, and only what its
/// creator holds there, so creating a robot never widens anyone's rights.
/// </summary>
public sealed class RobotPermissionRules(IProjectStore projects, ProjectAccessResolver resolver)
{
    /// <param name="robotAction">The caller's action on robots being checked: create for POST, update for PUT.</param>
    public async Task<(RobotScope? Scope, HarborError? Error)> CheckAsync(
        Principal caller, string level, IReadOnlyList<RobotPermissionJson>? permissions, string robotAction, CancellationToken cancellationToken)
    {
        if (level is not (RobotLevel.Project or RobotLevel.System))
            return Fail(HarborError.BadRequest($"level '{level}' is invalid: use \"project\" or \"system\""));
        if (level == RobotLevel.System && !caller.IsSystemAdmin)
            return Fail(HarborError.Forbidden($"{caller.Name} may not {robotAction} system robots: only system administrators may"));
        if (permissions is null || permissions.Count == 0)
            return Fail(HarborError.BadRequest("permissions must list at least one namespace with its access"));

        var grants = new List<RobotGrant>(permissions.Count);
        foreach (var entry in permissions)
        {
            var (grant, error) = await ReadAsync(entry, cancellationToken);
            if (error is not null) return Fail(error);
            if (level == RobotLevel.Project && grant!.Kind != RobotGrant.ProjectKind)
                return Fail(HarborError.BadRequest("a project robot may only hold permissions of kind \"project\""));
            grants.Add(grant!);
        }
        if (level == RobotLevel.System) return (new RobotScope(null, grants), null);

        if (grants.Count != 1 || grants[0].Namespace == RobotGrant.AllProjects)
            return Fail(HarborError.BadRequest("a project robot holds exactly one permission entry, naming its own project as namespace"));
        return await AuthorizeProjectAsync(caller, grants[0], robotAction, cancellationToken);
    }

    private async Task<(RobotGrant? Grant, HarborError? Error)> ReadAsync(RobotPermissionJson entry, CancellationToken cancellationToken)
    {
        var kind = entry.Kind ?? "";
        var space = entry.Namespace ?? "";
        var resources = kind switch
        {
            RobotGrant.ProjectKind => RobotCatalog.ProjectResources,
            RobotGrant.SystemKind => RobotCatalog.SystemResources,
            _ => null,
        };
        if (resources is null) return (null, HarborError.BadRequest($"permission kind '{kind}' is invalid: use \"project\" or \"system\""));
        if (kind == RobotGrant.SystemKind && space != "/")
            return (null, HarborError.BadRequest($"a permission of kind \"system\" has namespace \"/\", not '{space}'"));
        if (kind == RobotGrant.ProjectKind && space != RobotGrant.AllProjects && await projects.FindAsync(space, cancellationToken) is null)
            return (null, HarborError.BadRequest($"namespace '{space}' is not a project"));
        if (entry.Access is null || entry.Access.Count == 0)
            return (null, HarborError.BadRequest($"the permission for namespace '{space}' lists no access"));

        var access = new List<Permission>(entry.Access.Count);
        foreach (var item in entry.Access)
        {
            var resource = item.Resource ?? "";
            var action = item.Action ?? "";
            if (!resources.Contains(resource))
                return (null, HarborError.BadRequest($"resource '{resource}' is not a {kind}-level resource"));
            if (!RobotCatalog.ActionNames.Contains(action))
                return (null, HarborError.BadRequest($"action '{action}' on resource '{resource}' is not an action"));
            access.Add(new Permission(resource, action));
        }
        return (new RobotGrant(kind, space, access), null);
    }

    private async Task<(RobotScope? Scope, HarborError? Error)> AuthorizeProjectAsync(
        Principal caller, RobotGrant grant, string robotAction, CancellationToken cancellationToken)
    {
        var project = await projects.FindAsync(grant.Namespace, cancellationToken);
        var access = project is null ? null : await resolver.ResolveAsync(caller, project.Name, cancellationToken);
        if (project is null || access is null || !AccessPolicy.CanSee(caller, access))
            return Fail(HarborError.NotFound($"project {grant.Namespace} not found"));
        if (!AccessPolicy.Allows(caller, access, new Permission(Resources.Robot, robotAction)))
            return Fail(HarborError.Forbidden($"{caller.Name} may not {robotAction} robots of project {project.Name}"));
        foreach (var permission in grant.Access)
        {
            // "*" stands for actions the caller may never have been given; only an administrator holds them all.
            var holds = permission.Action == Actions.Any ? caller.IsSystemAdmin : AccessPolicy.Allows(caller, access, permission);
            if (!holds)
                return Fail(HarborError.Forbidden($"{caller.Name} may not grant {permission} in project {project.Name}: a robot gets no more than its creator holds"));
        }
        return (new RobotScope(project, [grant]), null);
    }

    private static (RobotScope?, HarborError?) Fail(HarborError error) => (null, error);
}
