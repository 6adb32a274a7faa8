using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Api.Projects;
using Berth.Metadata.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Audit;

/// <summary>
/// <c>/api/v2.0/audit-logs</c> (every project, system administrators only) and
/// <c>/api/v2.0/projects/{project}/logs</c> (those allowed <c>log:list</c> there), newest first.
/// </summary>
public sealed class AuditLogEndpoints(ApiCaller callers, ProjectGate gate, IAuditLog audit)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audit-logs", ListAllAsync);
        api.MapGet("/projects/{project}/logs", ListProjectAsync);
    }

    private async Task ListAllAsync(HttpContext context)
    {
        var (_, error) = await callers.IdentifyAdministratorAsync(context, "read the audit log");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        await WritePageAsync(context, null);
    }

    private async Task ListProjectAsync(HttpContext context, string project)
    {
        var grant = await gate.AuthorizeAsync(context, project, new Permission(Resources.Log, Actions.List));
        if (grant is null) return;
        await WritePageAsync(context, grant.Project.Id);
    }

    private async Task WritePageAsync(HttpContext context, long? projectId)
    {
        var paging = Paging.From(context.Request.Query);
        var (entries, total) = await audit.ListAsync(projectId, paging.Offset, paging.PageSize, context.RequestAborted);
        paging.WriteHeaders(context, total);
        await ApiJson.WriteAsync(context, entries.Select(AuditLogJson.From).ToList());
    }
}
