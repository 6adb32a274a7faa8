using Berth.Api.Http;
using Berth.Metadata.Access;
using Berth.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.System;

/// <summary>
/// <c>/api/v2.0/system/CVEAllowlist</c>: the system-wide CVE allowlist, read by any signed-in user and
/// replaced by administrators, in Harbor's shape <c>{"expires_at":unix|null,"items":[{"cve_id"}]}</c>.
/// </summary>
public sealed class CveAllowlistEndpoints(ApiCaller callers, ICveAllowlistStore allowlists, IAuditLog audit, PolicyRevision policyRevision)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/system/CVEAllowlist", GetAsync);
        api.MapPut("/system/CVEAllowlist", PutAsync);
    }

    private async Task GetAsync(HttpContext context)
    {
        var (principal, error) = await callers.IdentifySignedInAsync(context, "read the CVE allowlist");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var list = await allowlists.FindAsync(CveAllowlist.System, context.RequestAborted);
        await ApiJson.WriteAsync(context, CveAllowlistJson.From(list));
    }

    private async Task PutAsync(HttpContext context)
    {
        var (principal, error) = await callers.IdentifyAdministratorAsync(context, "change the system CVE allowlist");
        var (body, bodyError) = error is null ? await ApiJson.ReadAsync<CveAllowlistJson>(context) : (null, null);
        error ??= bodyError ?? body?.Validate();
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        await allowlists.SetAsync(CveAllowlist.System, body!.Expiry, body.CveIds, context.RequestAborted);
        policyRevision.Advance();
        await audit.AppendAsync(null, principal!.Name, "system", "cve_allowlist", "update", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
