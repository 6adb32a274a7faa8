using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Api.Projects;
using Berth.Metadata.Scanners;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.ScannerAdapter.Registrations;

/// <summary>
/// <c>/api/v2.0/projects/{p}/scanner</c>: the scanner a project's artifacts are scanned with (GET for those who may
/// read the project's scanner, PUT <c>{"uuid":…}</c> for those who may set it: administrators, as in Harbor).
/// </summary>
public sealed class ProjectScannerEndpoints(ProjectGate gate, IScannerRegistrationStore registrations, ScannerRegistrationViews views)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/projects/{project}/scanner", GetAsync);
        api.MapPut("/projects/{project}/scanner", SetAsync);
    }

    private async Task GetAsync(HttpContext context, string project)
    {
        var grant = await gate.AuthorizeAsync(context, project, new Permission(Resources.Scanner, Actions.Read));
        if (grant is null) return;
        await ApiJson.WriteAsync(context, await views.ForProjectAsync(grant.Project.Id, context.RequestAborted));
    }

    private async Task SetAsync(HttpContext context, string project)
    {
        var grant = await gate.AuthorizeAsync(context, project, new Permission(Resources.Scanner, Actions.Create));
        if (grant is null) return;
        var (request, error) = await ApiJson.ReadAsync<ProjectScannerRequest>(context);
        if (error is null && string.IsNullOrWhiteSpace(request!.Uuid)) error = HarborError.BadRequest("uuid is required");
        if (error is null && await views.FindAsync(request!.Uuid!, context.RequestAborted) is null)
            error = HarborError.BadRequest($"there is no scanner registration {request.Uuid}");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        await registrations.SetProjectChoiceAsync(grant.Project.Id, request!.Uuid!, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
