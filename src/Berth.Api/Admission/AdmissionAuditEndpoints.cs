using Berth.Api.Http;
using Berth.Policy.Admission;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Admission;

/// <summary>
/// <c>GET /api/v2.0/admission/audit</c> (system administrators only): the remembered workloads re-evaluated now,
/// with totals like Gatekeeper's <c>totalViolations</c> and a page of the violations (Harbor's <c>page</c> and
/// <c>page_size</c>, <c>X-Total-Count</c> counting violations).
/// </summary>
public sealed class AdmissionAuditEndpoints(ApiCaller callers, AdmissionAuditReport report)
{
    public const string Path = "/admission/audit";

    public void Map(IEndpointRouteBuilder api) => api.MapGet(Path, AuditAsync);

    private async Task AuditAsync(HttpContext context)
    {
        var (_, error) = await callers.IdentifyAdministratorAsync(context, "read the admission audit");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var result = await report.RunAsync(context.RequestAborted);
        var paging = Paging.From(context.Request.Query);
        paging.WriteHeaders(context, result.Violations.Count);
        await ApiJson.WriteAsync(context, AdmissionAuditJson.From(result, paging.Offset, paging.PageSize));
    }
}
