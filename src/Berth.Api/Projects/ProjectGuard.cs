using Berth.Access.Authorization;
using Berth.Access.Identity;
using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Metadata.Access;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Projects;

/// <summary>
/// The gate for endpoints under <c>/projects/{project_name_or_id}</c>: finds the project (by name, or by id unless
/// <c>X-Is-Resource-Name: true</c>) and checks the caller holds a permission in it, answering as Harbor does —
/// 404 for a project the caller may not even see, 401 when signing in might help, 403 when the role falls short.
/// </summary>
public sealed class ProjectGuard(ApiCaller callers, IProjectStore projects, ProjectAccessResolver resolver)
{
    /// <summary>The project and caller when <paramref name="permission"/> is held; otherwise null after writing the error.</summary>
    public async Task<AuthorizedProject?> AuthorizeAsync(HttpContext context, string nameOrId, Permission permission)
    {
        var (principal, error) = await callers.IdentifyAsync(context);
        ProjectRecord? project = null;
        if (error is null)
        {
            var byName = context.Request.Headers["X-Is-Resource-Name"].ToString() == "true" || !long.TryParse(nameOrId, out _);
            project = byName
                ? await projects.FindAsync(nameOrId, context.RequestAborted)
                : await projects.FindAsync(long.Parse(nameOrId), context.RequestAborted);
        }
        var access = project is null ? null : await resolver.ResolveAsync(principal!, project.Name, context.RequestAborted);
        if (error is null && (project is null || access is null || !AccessPolicy.CanSee(principal!, access)))
        {
            error = principal!.IsAuthenticated || project is null
                ? HarborError.NotFound($"project {nameOrId} not found")
                : HarborError.Unauthorized("sign in to see this project");
        }
        if (error is null && !AccessPolicy.Allows(principal!, access!, permission))
            error = HarborError.Forbidden($"{principal!.Name} may not {permission.Action} {permission.Resource} of project {project!.Name}");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return null;
        }
        return new AuthorizedProject(project!, access!, principal!);
    }
}
