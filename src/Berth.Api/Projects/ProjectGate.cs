using Berth.Access.Authorization;
using Berth.Access.Identity;
using Berth.Access.Roles;
using Berth.Metadata.Access;
using Berth.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Projects;

/// <summary>
/// The check at the door of every <c>/projects/{project_name_or_id}/…</c> endpoint: who calls, which
/// project, and whether the caller's role (or the project being public) grants the permission. Answers
/// as Harbor does: 404 for a project the caller cannot see (so names do not leak), 401 when signing in
/// might help, 403 when it would not.
/// </summary>
public sealed class ProjectGate(ApiCaller callers, IProjectStore projects, ProjectAccessResolver resolver)
{
    /// <summary>The grant when the caller holds any of <paramref name="permissions"/>; otherwise writes the error and returns null.</summary>
    public async Task<ProjectGrant?> AuthorizeAsync(HttpContext context, string nameOrId, params Permission[] permissions)
    {
        var (principal, error) = await callers.IdentifyAsync(context);
        ProjectRecord? project = null;
        if (error is null)
        {
            var isName = context.Request.Headers["X-Is-Resource-Name"].ToString() == "true";
            project = !isName && long.TryParse(nameOrId, out var id)
                ? await projects.FindAsync(id, context.RequestAborted)
                : await projects.FindAsync(nameOrId, context.RequestAborted);
        }
        var access = project is null ? null : await resolver.ResolveAsync(principal!, project.Name, context.RequestAborted);
        if (error is null && (project is null || access is null || !AccessPolicy.CanSee(principal!, access)))
        {
            error = principal!.IsAuthenticated || project is null
                ? HarborError.NotFound($"project {nameOrId} not found")
                : HarborError.Unauthorized("sign in to see this project");
        }
        if (error is null && !permissions.Any(p => AccessPolicy.Allows(principal!, access!, p)))
        {
            var wanted = permissions[0];
            error = principal!.IsAuthenticated
                ? HarborError.Forbidden($"{principal.Name} may not {wanted.Action} {wanted.Resource} of project {project!.Name}")
                : HarborError.Unauthorized($"sign in to {wanted.Action} {wanted.Resource} of project {project!.Name}");
        }
        if (error is not null)
        {
            await error.WriteAsync(context);
            return null;
        }
        return new ProjectGrant(project!, access!, principal!);
    }
}
