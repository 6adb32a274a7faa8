using Berth.Access.Authorization;
using Berth.Access.Identity;
using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Api.Projects;
using Berth.Metadata.Access;
using Berth.Metadata.Artifacts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Search;

/// <summary>
/// <c>/api/v2.0/search?q=</c>: projects and repositories whose names contain the text, among those the
/// caller may see (anonymous callers: public projects only).
/// </summary>
public sealed class SearchEndpoints(ApiCaller callers, IProjectStore projects, ProjectAccessResolver resolver, IArtifactQueries queries)
{
    public void Map(IEndpointRouteBuilder api) => api.MapGet("/search", SearchAsync);

    private async Task SearchAsync(HttpContext context)
    {
        var (principal, error) = await callers.IdentifyAsync(context);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var text = context.Request.Query["q"].ToString();
        var foundProjects = new List<ProjectJson>();
        var foundRepositories = new List<SearchRepositoryJson>();
        foreach (var project in await projects.ListAsync(context.RequestAborted))
        {
            var access = await resolver.ResolveAsync(principal!, project.Name, context.RequestAborted);
            if (access is null || !AccessPolicy.CanSee(principal!, access)) continue;
            if (project.Name.Contains(text, StringComparison.Ordinal)) foundProjects.Add(ProjectJson.From(project, (int?)access.Role));
            if (!AccessPolicy.Allows(principal!, access, new Permission(Resources.Repository, Actions.List))) continue;
            foreach (var repository in await queries.ListRepositoriesAsync(project.Id, text, context.RequestAborted))
            {
                foundRepositories.Add(new SearchRepositoryJson(
                    project.Id, project.Name, project.IsPublic, repository.Name, repository.PullCount, repository.ArtifactCount));
            }
        }
        await ApiJson.WriteAsync(context, new SearchResultJson(foundProjects, foundRepositories));
    }
}
