using System.Text.RegularExpressions;
using Berth.Access.Authorization;
using Berth.Access.Identity;
using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Metadata.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Projects;

/// <summary>
/// <c>/api/v2.0/projects</c>: create, list, look up, delete, and read or change metadata, with Harbor's paths,
/// fields and statuses.
/// </summary>
public sealed partial class ProjectEndpoints(ApiCaller callers, IProjectStore projects, ProjectAccessResolver resolver, IAuditLog audit)
{
    [GeneratedRegex(@"^[a-z0-9]+(?:[._-][a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameGrammar();

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/projects", CreateAsync);
        api.MapGet("/projects", ListAsync);
        api.MapMethods("/projects", ["HEAD"], ExistsAsync);
        api.MapGet("/projects/{project}", GetAsync);
        api.MapDelete("/projects/{project}", DeleteAsync);
        api.MapGet("/projects/{project}/metadatas", GetMetadataAsync);
        api.MapPost("/projects/{project}/metadatas", SetMetadataAsync);
        api.MapPut("/projects/{project}/metadatas/{key}", SetMetadataAsync);
    }

    private async Task CreateAsync(HttpContext context)
    {
        var (principal, error) = await callers.IdentifyAsync(context);
        if (error is null && !principal!.IsAuthenticated) error = HarborError.Unauthorized("sign in to create a project");
        var (request, bodyError) = error is null ? await ApiJson.ReadAsync<ProjectRequest>(context) : (null, null);
        error ??= bodyError;
        var name = request?.ProjectName ?? "";
        if (error is null && (name.Length is 0 or > 255 || !NameGrammar().IsMatch(name)))
            error = HarborError.BadRequest($"project name '{name}' is invalid: lower-case letters and digits, separated by '.', '_' or '-'");
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
        resolver.Forget(name);
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
        var paging = Paging.From(query);
        paging.WriteHeaders(context, visible.Count);
        await ApiJson.WriteAsync(context, visible.Skip(paging.Offset).Take(paging.PageSize).ToList());
    }

    private async Task ExistsAsync(HttpContext context)
    {
        var name = context.Request.Query["project_name"].ToString();
        var exists = name.Length > 0 && await projects.FindAsync(name, context.RequestAborted) is not null;
        context.Response.StatusCode = exists ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
    }

    private async Task GetAsync(HttpContext context, string project)
    {
        var found = await AuthorizeAsync(context, project, new Permission(Resources.Project, Actions.Read));
        if (found is null) return;
        await ApiJson.WriteAsync(context, ProjectJson.From(found.Value.Project, (int?)found.Value.Access.Role));
    }

    private async Task DeleteAsync(HttpContext context, string project)
    {
        var found = await AuthorizeAsync(context, project, new Permission(Resources.Project, Actions.Delete));
        if (found is null) return;
        var (record, _, principal) = found.Value;
        var force = context.Request.Query["force"].ToString() == "true";
        if (!await projects.DeleteAsync(record.Id, force, context.RequestAborted))
        {
            await HarborError.PreconditionFailed(
                $"project {record.Name} still holds {record.RepositoryCount} repositories; delete them first or pass force=true").WriteAsync(context);
            return;
        }
        resolver.Forget(record.Name);
        await audit.AppendAsync(record.Id, principal.Name, record.Name, "project", "delete", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task GetMetadataAsync(HttpContext context, string project)
    {
        var found = await AuthorizeAsync(context, project, new Permission(Resources.Project, Actions.Read));
        if (found is null) return;
        await ApiJson.WriteAsync(context, found.Value.Project.Metadata);
    }

    private async Task SetMetadataAsync(HttpContext context, string project)
    {
        var found = await AuthorizeAsync(context, project, new Permission(Resources.Metadata, Actions.Update));
        if (found is null) return;
        var (values, error) = await ApiJson.ReadAsync<Dictionary<string, string>>(context);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        await projects.SetMetadataAsync(found.Value.Project.Id, values!, context.RequestAborted);
        resolver.Forget(found.Value.Project.Name);
        await audit.AppendAsync(found.Value.Project.Id, found.Value.Caller.Name, found.Value.Project.Name, "project", "update", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// The project named (or numbered) in the path when the caller holds <paramref name="permission"/> in it;
    /// otherwise writes Harbor's 401, 403 or 404 and returns null.
    /// </summary>
    private async Task<(ProjectRecord Project, ProjectAccess Access, Principal Caller)?> AuthorizeAsync(HttpContext context, string nameOrId, Permission permission)
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
        return (project!, access!, principal!);
    }
}
