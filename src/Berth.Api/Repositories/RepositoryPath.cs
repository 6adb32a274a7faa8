using Berth.Api.Http;
using Berth.Api.Projects;
using Berth.Metadata.Artifacts;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Repositories;

/// <summary>
/// The <c>{repository_name}</c> path segment: the name without the project, its '/' URL-encoded twice
/// (<c>team%252Fapp</c>) so that it stays one segment. The server decodes one level; this decodes the
/// other, and also accepts a single encoding (<c>team%2Fapp</c>), which arrives the same way.
/// </summary>
public sealed class RepositoryPath(IArtifactQueries queries)
{
    public static string FullName(string projectName, string segment) => $"{projectName}/{Uri.UnescapeDataString(segment)}";

    /// <summary>The repository in the granted project, or null after writing Harbor's 404.</summary>
    public async Task<RepositorySummary?> FindAsync(HttpContext context, ProjectGrant grant, string segment)
    {
        var name = FullName(grant.Project.Name, segment);
        var repository = await queries.FindRepositoryAsync(name, context.RequestAborted);
        if (repository is null || repository.ProjectId != grant.Project.Id)
        {
            await HarborError.NotFound($"repository {name} not found").WriteAsync(context);
            return null;
        }
        return repository;
    }
}
