using System.Text.RegularExpressions;
using Berth.Access.Authorization;
using Berth.Access.Identity;
using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Api.System;
using Berth.Metadata.Access;
using Berth.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Projects;

/// <summary>
/// <c>/api/v2.0/projects</c>: create, list, look up, delete, and read or change metadata, with Harbor's paths,
/// fields and statuses.
/// </summary>
public sealed partial class ProjectEndpoints(
    ApiCaller callers, IProjectStore projects, ProjectAccessResolver resolver, ProjectGate gate, IAuditLog audit, ICveAllowlistStore allowlists,
    PolicyRevision policyRevision)
{
    [GeneratedRegex(@"^[a-z0-9]+(?:[._-][a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameGrammar();

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/projects", CreateAsync);
        api.MapGet("/projects", ListAsync);
        api.MapMethods("/projects", ["HEAD"], ExistsAsync);
        api.MapGet("/projects/{project}", GetAsync);
        api.MapPut("/projects/{project}", UpdateAsync);
        api.MapDelete("/projects/{project}", DeleteAsync);
        api.MapGet("/projects/{project}/summary", SummaryAsync);
        api.MapGet("/projects/{project}/metadatas", GetMetadataAsync);
        api.MapPost("/projects/{project}/metadatas", SetMetadataAsync);
        api.MapPut("/projects/{project}/metadatas/{key}", SetMetadataAsync);
    }

    private async Task CreateAsync(HttpContext context)
    {
        var (principal, error) = await callers.IdentifySignedInAsync(context, "create a project");
        var (request, bodyError) = error is null ? await ApiJson.ReadAsync<ProjectRequest>(context) : (null, null);
        error ??= bodyError;
        var name = request?.ProjectName ?? "";
        if (error is null && (name.Length is 0 or > 255 || !NameGrammar().IsMatch(name)))
            error = HarborError.BadRequest($"project name '{name}' is invalid: lower-case letters and digits, separated by '.', '_' or '-'");
        error ??= AllowlistError(request!.CveAllowlist);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }

        var metadata = new Dictionary<string, string>(request!.Metadata ?? []);
        if (request.Public is { } isPublic) metadata["public"] = isPublic ? "true" : "false";
        metadata.TryAdd("public", "false");
        var owner = principal!.Kind == PrincipalKind.User ? principal.Id : (long?)null;
        var created = await projects.CreateAsync(name, owner, metadata, context.RequestAborted);
        if (created is null)
        {
            await HarborError.Conflict($"The project named {name} already exists").WriteAsync(context);
            return;
        }
        if (request.CveAllowlist is { } allowlist)
            await allowlists.SetAsync(created.Id, allowlist.Expiry, allowlist.CveIds, context.RequestAborted);
        resolver.Forget(name);
        policyRevision.Advance();
        await audit.AppendAsync(created.Id, principal.Name, name, "project", "create", context.RequestAborted);
        context.Response.Headers.Location = $"/api/v2.0/projects/{created.Id}";
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    private async Task ListAsync(HttpContext context)
    {
        var (principal, error) = await callers.IdentifyAsync(context);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var query = context.Request.Query;
        var name = query["name"].ToString();
        var visible = new List<ProjectJson>();
        foreach (var project in await projects.ListAsync(context.RequestAborted))
        {
            if (name.Length > 0 && !project.Name.Contains(name, StringComparison.Ordinal)) continue;
            if (query["public"].ToString() is { Length: > 0 } wantPublic && project.IsPublic != (wantPublic == "true")) continue;
            var access = await resolver.ResolveAsync(principal!, project.Name, context.RequestAborted);
            if (access is null || !AccessPolicy.CanSee(principal!, access)) continue;
            visible.Add(ProjectJson.From(project, (int?)access.Role));
        }
        await Paging.WritePageAsync(context, visible, project => project);
    }

    private async Task ExistsAsync(HttpContext context)
    {
        var name = context.Request.Query["project_name"].ToString();
        var exists = name.Length > 0 && await projects.FindAsync(name, context.RequestAborted) is not null;
        context.Response.StatusCode = exists ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
    }

    private async Task GetAsync(HttpContext context, string project)
    {
        var found = await gate.AuthorizeAsync(context, project, new Permission(Resources.Project, Actions.Read));
        if (found is null) return;
        var allowlist = await allowlists.FindAsync(found.Project.Id, context.RequestAborted);
        await ApiJson.WriteAsync(context, ProjectJson.From(found.Project, (int?)found.Access.Role, CveAllowlistJson.From(allowlist, found.Project.Id)));
    }

    private async Task DeleteAsync(HttpContext context, string project)
    {
        var found = await gate.AuthorizeAsync(context, project, new Permission(Resources.Project, Actions.Delete));
        if (found is null) return;
        var (record, _, principal) = found;
        var force = context.Request.Query["force"].ToString() == "true";
        if (!await projects.DeleteAsync(record.Id, force, context.RequestAborted))
        {
            await HarborError.PreconditionFailed(
                $"project {record.Name} still holds {record.RepositoryCount} repositories; delete them first or pass force=true").WriteAsync(context);
            return;
        }
        resolver.Forget(record.Name);
        policyRevision.Advance();
        await audit.AppendAsync(record.Id, principal.Name, record.Name, "project", "delete", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task GetMetadataAsync(HttpContext context, string project)
    {
        var found = await gate.AuthorizeAsync(context, project, new Permission(Resources.Project, Actions.Read));
        if (found is null) return;
        await ApiJson.WriteAsync(context, found.Project.Metadata);
    }

    private async Task SetMetadataAsync(HttpContext context, string project)
    {
        var found = await gate.AuthorizeAsync(context, project, new Permission(Resources.Metadata, Actions.Update));
        if (found is null) return;
        var (values, error) = await ApiJson.ReadAsync<Dictionary<string, string>>(context);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        await projects.SetMetadataAsync(found.Project.Id, values!, context.RequestAborted);
        resolver.Forget(found.Project.Name);
        policyRevision.Advance();
        await audit.AppendAsync(found.Project.Id, found.Caller.Name, found.Project.Name, "project", "update", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>A project's allowlist follows the system list's rules; the 400 says it is the project's that is wrong.</summary>
    private static HarborError? AllowlistError(CveAllowlistJson? allowlist) =>
        allowlist?.Validate() is { } invalid ? HarborError.BadRequest($"cve_allowlist: {invalid.Message}") : null;
}
