using Berth.Access.Authorization;
using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Api.Projects;
using Berth.Metadata.Access;
using Berth.Metadata.Immutability;
using Berth.Policy.Immutability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Immutability;

/// <summary>
/// <c>/api/v2.0/projects/{project_name_or_id}/immutabletagrules</c>: Harbor's tag immutability rules. Listing and
/// changing them needs the immutable-tag permissions (project admins and maintainers; the system admin). Every change
/// is audited and drops the project's cached rules, so the next push or delete sees it.
/// </summary>
public sealed class ImmutableRuleEndpoints(ProjectGate gate, IImmutableTagRuleStore store, ImmutableTagRules rules, IAuditLog audit)
{
    private const string Base = "/projects/{project}/immutabletagrules";
    private const string AuditType = "immutable-tag";

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet(Base, ListAsync);
        api.MapPost(Base, CreateAsync);
        api.MapPut(Base + "/{ruleId:long}", UpdateAsync);
        api.MapDelete(Base + "/{ruleId:long}", DeleteAsync);
    }

    private async Task ListAsync(HttpContext context, string project)
    {
        var grant = await gate.AuthorizeAsync(context, project, new Permission(Resources.ImmutableTag, Actions.List));
        if (grant is null) return;
        var all = await store.ListAsync(grant.Project.Id, context.RequestAborted);
        await Paging.WritePageAsync(context, all, ImmutableRuleJson.From);
    }

    private async Task CreateAsync(HttpContext context, string project)
    {
        var grant = await gate.AuthorizeAsync(context, project, new Permission(Resources.ImmutableTag, Actions.Create));
        if (grant is null) return;
        var (request, error) = await ApiJson.ReadAsync<ImmutableRuleRequest>(context);
        var (rule, invalid) = request is null ? (null, error) : request.ToWrite(stored: null);
        if (rule is null)
        {
            await invalid!.WriteAsync(context);
            return;
        }
        var (change, id) = await store.CreateAsync(grant.Project.Id, rule, ImmutableRuleTerms.MaxRulesPerProject, context.RequestAborted);
        if (Refusal(change, grant, 0) is { } refused)
        {
            await refused.WriteAsync(context);
            return;
        }
        await ChangedAsync(context, grant, id, "create");
        context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path.Value!.TrimEnd('/')}/{id}";
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    private async Task UpdateAsync(HttpContext context, string project, long ruleId)
    {
        var grant = await gate.AuthorizeAsync(context, project, new Permission(Resources.ImmutableTag, Actions.Update));
        if (grant is null) return;
        var (request, error) = await ApiJson.ReadAsync<ImmutableRuleRequest>(context);
        if (request is { Id: { } bodyId } && bodyId != ruleId)
            error = HarborError.BadRequest("the immutable_rule_id doesn't match the id in the payload body of ImmutableRule");
        var stored = error is null ? await FindAsync(context, grant, ruleId) : null;
        if (error is null && stored is null) return;
        var (rule, invalid) = error is null ? request!.ToWrite(stored) : (null, error);
        if (rule is null)
        {
            await invalid!.WriteAsync(context);
            return;
        }
        var change = await store.UpdateAsync(grant.Project.Id, ruleId, rule, context.RequestAborted);
        if (Refusal(change, grant, ruleId) is { } refused)
        {
            await refused.WriteAsync(context);
            return;
        }
        await ChangedAsync(context, grant, ruleId, "update");
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task DeleteAsync(HttpContext context, string project, long ruleId)
    {
        var grant = await gate.AuthorizeAsync(context, project, new Permission(Resources.ImmutableTag, Actions.Delete));
        if (grant is null) return;
        if (!await store.DeleteAsync(grant.Project.Id, ruleId, context.RequestAborted))
        {
            await NotFound(grant, ruleId).WriteAsync(context);
            return;
        }
        await ChangedAsync(context, grant, ruleId, "delete");
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task ChangedAsync(HttpContext context, ProjectGrant grant, long ruleId, string operation)
    {
        rules.Forget(grant.Project.Name);
        await audit.AppendAsync(grant.Project.Id, grant.Caller.Name, $"immutable tag rule {ruleId}", AuditType, operation, context.RequestAborted);
    }

    /// <summary>The rule by id within this project only, so an id from another project answers 404 as in Harbor.</summary>
    private async Task<ImmutableTagRuleRecord?> FindAsync(HttpContext context, ProjectGrant grant, long ruleId)
    {
        var rule = (await store.ListAsync(grant.Project.Id, context.RequestAborted)).FirstOrDefault(r => r.Id == ruleId);
        if (rule is null) await NotFound(grant, ruleId).WriteAsync(context);
        return rule;
    }

    private static HarborError? Refusal(ImmutableRuleChange change, ProjectGrant grant, long ruleId) => change switch
    {
        ImmutableRuleChange.Duplicate => HarborError.Conflict($"project {grant.Project.Name} already has an immutable tag rule with these selectors"),
        ImmutableRuleChange.LimitReached => HarborError.BadRequest(
            $"project {grant.Project.Name} already has {ImmutableRuleTerms.MaxRulesPerProject} immutable tag rules, the most a project may have; delete or change one"),
        ImmutableRuleChange.NotFound => NotFound(grant, ruleId),
        _ => null,
    };

    private static HarborError NotFound(ProjectGrant grant, long ruleId) =>
        HarborError.NotFound($"immutable tag rule {ruleId} not found in project {grant.Project.Name}");
}
