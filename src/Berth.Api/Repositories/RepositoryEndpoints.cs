using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Api.Projects;
using Berth.Metadata.Access;
using Berth.Metadata.Artifacts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Repositories;

/// <summary><c>/api/v2.0/projects/{project}/repositories</c>: list, look up and delete repositories.</summary>
public sealed class RepositoryEndpoints(ProjectGate gate, RepositoryPath paths, IArtifactQueries queries, IAuditLog audit)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/projects/{project}/repositories", ListAsync);
        api.MapGet("/projects/{project}/repositories/{repository}", GetAsync);
        api.MapDelete("/projects/{project}/repositories/{repository}", DeleteAsync);
    }

    private async Task ListAsync(HttpContext context, string project)
    {
        var grant = await gate.AuthorizeAsync(context, project, new Permission(Resources.Repository, Actions.List));
        if (grant is null) return;
        var filter = NameQuery.Parse(context.Request.Query["q"]);
        // The filter applies to the full name, as in Harbor; a fuzzy one narrows the query itself.
        var all = await queries.ListRepositoriesAsync(grant.Project.Id, filter.Fuzzy ? filter.Value : null, context.RequestAborted);
        var matching = all.Where(r => filter.Matches(r.Name)).ToList();
        await Paging.WritePageAsync(context, matching, RepositoryJson.From);
    }

    private async Task GetAsync(HttpContext context, string project, string repository)
    {
        // Reading a repository is what pulling it already allows (public projects grant pull, not read).
        var grant = await gate.AuthorizeAsync(context, project,
            new Permission(Resources.Repository, Actions.Read), new Permission(Resources.Repository, Actions.Pull));
        if (grant is null) return;
        var found = await paths.FindAsync(context, grant, repository);
        if (found is null) return;
        await ApiJson.WriteAsync(context, RepositoryJson.From(found));
    }

    private async Task DeleteAsync(HttpContext context, string project, string repository)
    {
        var grant = await gate.AuthorizeAsync(context, project, new Permission(Resources.Repository, Actions.Delete));
        if (grant is null) return;
        var found = await paths.FindAsync(context, grant, repository);
        if (found is null) return;
        if (!await queries.DeleteRepositoryAsync(found.Id, context.RequestAborted))
        {
            await HarborError.NotFound($"repository {found.Name} not found").WriteAsync(context);
            return;
        }
        await audit.AppendAsync(grant.Project.Id, grant.Caller.Name, found.Name, "repository", "delete", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
