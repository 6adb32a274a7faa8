using Berth.Access.Roles;
using Berth.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Projects;

public sealed partial class ProjectEndpoints
{
    /// <summary><c>PUT /projects/{project}</c>: Harbor's ProjectReq; visibility and metadata change, the name does not.</summary>
    private async Task UpdateAsync(HttpContext context, string project)
    {
        var found = await gate.AuthorizeAsync(context, project, new Permission(Resources.Project, Actions.Update));
        if (found is null) return;
        var (request, error) = await ApiJson.ReadAsync<ProjectRequest>(context);
        if (error is null && request!.ProjectName is { Length: > 0 } name && name != found.Project.Name)
            error = HarborError.BadRequest($"a project cannot be renamed (from {found.Project.Name} to {name})");
        error ??= AllowlistError(request!.CveAllowlist);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var metadata = new Dictionary<string, string>(request!.Metadata ?? []);
        if (request.Public is { } isPublic) metadata["public"] = isPublic ? "true" : "false";
        await projects.SetMetadataAsync(found.Project.Id, metadata, context.RequestAborted);
        if (request.CveAllowlist is { } allowlist)
            await allowlists.SetAsync(found.Project.Id, allowlist.Expiry, allowlist.CveIds, context.RequestAborted);
        resolver.Forget(found.Project.Name);
        policyRevision.Advance();
        await audit.AppendAsync(found.Project.Id, found.Caller.Name, found.Project.Name, "project", "update", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary><c>GET /projects/{project}/summary</c>: repository count and members by role.</summary>
    private async Task SummaryAsync(HttpContext context, string project)
    {
        var found = await gate.AuthorizeAsync(context, project, new Permission(Resources.Project, Actions.Read));
        if (found is null) return;
        var members = await projects.ListMembersAsync(found.Project.Id, context.RequestAborted);
        int Count(ProjectRole role) => members.Count(m => m.Role == (int)role);
        await ApiJson.WriteAsync(context, new
        {
            repo_count = found.Project.RepositoryCount,
            project_admin_count = Count(ProjectRole.ProjectAdmin),
            maintainer_count = Count(ProjectRole.Maintainer),
            developer_count = Count(ProjectRole.Developer),
            guest_count = Count(ProjectRole.Guest),
            limited_guest_count = Count(ProjectRole.LimitedGuest),
        });
    }
}
