using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Api.Projects;
using Berth.Api.Repositories;
using Berth.Api.Scans;
using Berth.Core;
using Berth.Metadata;
using Berth.Metadata.Access;
using Berth.Metadata.Artifacts;
using Berth.Metadata.Scans;
using Berth.Policy.Immutability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Artifacts;

/// <summary>
/// <c>/api/v2.0/projects/{project}/repositories/{repository}/artifacts</c>: list, look up and delete
/// artifacts by tag or digest, and list, add and delete their tags.
/// </summary>
public sealed class ArtifactEndpoints(
    ProjectGate gate, RepositoryPath paths, IArtifactQueries queries, IRegistryMetadata registry, IAuditLog audit, IScanReportStore reports,
    ImmutableTagRules immutability)
{
    private const string Base = "/projects/{project}/repositories/{repository}/artifacts";
    private static readonly Func<string, bool> NoTagImmutable = _ => false;

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet(Base, ListAsync);
        api.MapGet(Base + "/{reference}", GetAsync);
        api.MapDelete(Base + "/{reference}", DeleteAsync);
        api.MapGet(Base + "/{reference}/tags", ListTagsAsync);
        api.MapPost(Base + "/{reference}/tags", AddTagAsync);
        api.MapDelete(Base + "/{reference}/tags/{tag}", DeleteTagAsync);
    }

    private async Task ListAsync(HttpContext context, string project, string repository)
    {
        var found = await RepositoryAsync(context, project, repository, new Permission(Resources.Artifact, Actions.List));
        if (found is null) return;
        var paging = Paging.From(context.Request.Query);
        var (artifacts, total) = await queries.ListArtifactsAsync(found.Id, paging.Offset, paging.PageSize, context.RequestAborted);
        var withTag = context.Request.Query["with_tag"].ToString() != "false";
        paging.WriteHeaders(context, total);
        await ApiJson.WriteAsync(context, await WithScanOverviewAsync(context, artifacts, withTag));
    }

    private async Task GetAsync(HttpContext context, string project, string repository, string reference)
    {
        var found = await ArtifactAsync(context, project, repository, reference, new Permission(Resources.Artifact, Actions.Read));
        if (found is null) return;
        var withTag = context.Request.Query["with_tag"].ToString() != "false";
        await ApiJson.WriteAsync(context, (await WithScanOverviewAsync(context, [found.Value.Artifact], withTag))[0]);
    }

    private async Task DeleteAsync(HttpContext context, string project, string repository, string reference)
    {
        var found = await ArtifactAsync(context, project, repository, reference, new Permission(Resources.Artifact, Actions.Delete));
        if (found is null) return;
        var (grant, artifact) = found.Value;
        // An artifact holding an immutable tag stays, whichever reference names it (Harbor answers 412).
        if (await immutability.FirstImmutableAsync(artifact.RepositoryName, artifact.Tags.Select(t => t.Name), context.RequestAborted) is { } immutable)
        {
            await HarborError.PreconditionFailed(ImmutableTagMessages.CannotBeDeleted(immutable)).WriteAsync(context);
            return;
        }
        // Deleting by tag deletes the whole artifact it names, with every tag, as Harbor does.
        if (!await registry.DeleteArtifactAsync(artifact.RepositoryName, artifact.Digest, context.RequestAborted))
        {
            await HarborError.NotFound($"artifact {reference} not found in {artifact.RepositoryName}").WriteAsync(context);
            return;
        }
        await audit.AppendAsync(grant.Project.Id, grant.Caller.Name, $"{artifact.RepositoryName}@{artifact.Digest}", "artifact", "delete", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task ListTagsAsync(HttpContext context, string project, string repository, string reference)
    {
        var found = await ArtifactAsync(context, project, repository, reference, new Permission(Resources.Tag, Actions.List));
        if (found is null) return;
        var tags = found.Value.Artifact.Tags;
        var immutable = await immutability.ForRepositoryAsync(found.Value.Artifact.RepositoryName, context.RequestAborted) ?? NoTagImmutable;
        await Paging.WritePageAsync(context, tags, t => TagJson.From(t, immutable(t.Name)));
    }

    private async Task AddTagAsync(HttpContext context, string project, string repository, string reference)
    {
        var found = await ArtifactAsync(context, project, repository, reference, new Permission(Resources.Tag, Actions.Create));
        if (found is null) return;
        var (grant, artifact) = found.Value;
        var (request, error) = await ApiJson.ReadAsync<TagRequest>(context);
        var name = request?.Name ?? "";
        if (error is null && !TagName.IsValid(name))
            error = HarborError.BadRequest($"tag name '{name}' is invalid: up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'");
        if (error is null) error = await ImmutableTagElsewhereAsync(artifact, name, context.RequestAborted);
        if (error is null)
        {
            error = await queries.AddTagAsync(artifact.Id, name, context.RequestAborted) switch
            {
                TagAddition.Exists => HarborError.Conflict($"the tag {name} already exists in repository {artifact.RepositoryName}"),
                TagAddition.ArtifactGone => HarborError.NotFound($"artifact {reference} not found in {artifact.RepositoryName}"),
                _ => null,
            };
        }
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        await audit.AppendAsync(grant.Project.Id, grant.Caller.Name, $"{artifact.RepositoryName}:{name}", "tag", "create", context.RequestAborted);
        context.Response.Headers.Location = $"{context.Request.Path}/{name}";
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    private async Task DeleteTagAsync(HttpContext context, string project, string repository, string reference, string tag)
    {
        var found = await ArtifactAsync(context, project, repository, reference, new Permission(Resources.Tag, Actions.Delete));
        if (found is null) return;
        var (grant, artifact) = found.Value;
        if (artifact.Tags.Any(t => t.Name == tag) && await immutability.IsImmutableAsync(artifact.RepositoryName, tag, context.RequestAborted))
        {
            await HarborError.PreconditionFailed(ImmutableTagMessages.CannotBeDeleted(tag)).WriteAsync(context);
            return;
        }
        if (!await queries.DeleteTagAsync(artifact.Id, tag, context.RequestAborted))
        {
            await HarborError.NotFound($"tag {tag} not found on artifact {reference} of {artifact.RepositoryName}").WriteAsync(context);
            return;
        }
        await audit.AppendAsync(grant.Project.Id, grant.Caller.Name, $"{artifact.RepositoryName}:{tag}", "tag", "delete", context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// Harbor's 412 when the repository already has an immutable tag of that name on another artifact: adding it here
    /// would move it. (A tag of that name that is not immutable still answers 409 below: the API never moves tags.)
    /// </summary>
    private async Task<HarborError?> ImmutableTagElsewhereAsync(ArtifactRecord artifact, string name, CancellationToken cancellationToken)
    {
        if (!await immutability.IsImmutableAsync(artifact.RepositoryName, name, cancellationToken)) return null;
        var holder = await queries.FindArtifactAsync(artifact.RepositoryId, name, cancellationToken);
        return holder is not null && holder.Id != artifact.Id ? HarborError.PreconditionFailed(ImmutableTagMessages.CannotBeUpdated(name)) : null;
    }

    /// <summary>
    /// The artifacts' JSON, with <c>scan_overview</c> when the query asks for it (<c>with_scan_overview=true</c>) and
    /// <c>sbom_overview</c> for <c>with_sbom_overview=true</c>; the scan overview only when
    /// <c>X-Accept-Vulnerabilities</c> allows the report Berth keeps; one lookup of summary rows for the whole page.
    /// </summary>
    private async Task<IReadOnlyList<ArtifactJson>> WithScanOverviewAsync(HttpContext context, IReadOnlyList<ArtifactRecord> artifacts, bool withTag)
    {
        // Artifact pages list one repository, so one rule lookup serves the page.
        var immutable = (artifacts.Count > 0 && withTag ? await immutability.ForRepositoryAsync(artifacts[0].RepositoryName, context.RequestAborted) : null)
            ?? NoTagImmutable;
        var json = artifacts.Select(a => ArtifactJson.From(a, withTag, immutable)).ToList();
        var withScan = context.Request.Query["with_scan_overview"].ToString() == "true" && AcceptedReports.AcceptsHarborReport(context.Request);
        var withSbom = context.Request.Query["with_sbom_overview"].ToString() == "true";
        if (!withScan && !withSbom) return json;
        var found = await reports.FindManyAsync([.. artifacts.SelectMany(ScanOverviews.DigestsOf)], context.RequestAborted);
        return [.. json.Select((artifact, i) => artifact with
        {
            ScanOverview = withScan ? ScanOverviews.For(artifacts[i], found) : null,
            SbomOverview = withSbom ? SbomOverviews.For(artifacts[i], found) : null,
        })];
    }

    private async Task<RepositorySummary?> RepositoryAsync(HttpContext context, string project, string repository, Permission permission)
    {
        var grant = await gate.AuthorizeAsync(context, project, permission);
        return grant is null ? null : await paths.FindAsync(context, grant, repository);
    }

    /// <summary>The artifact a tag or digest names, or null after writing 401, 403 or 404.</summary>
    private async Task<(ProjectGrant Grant, ArtifactRecord Artifact)?> ArtifactAsync(
        HttpContext context, string project, string repository, string reference, Permission permission)
    {
        var grant = await gate.AuthorizeAsync(context, project, permission);
        if (grant is null) return null;
        var found = await paths.FindAsync(context, grant, repository);
        if (found is null) return null;
        var artifact = await queries.FindArtifactAsync(found.Id, reference, context.RequestAborted);
        if (artifact is null)
        {
            await HarborError.NotFound($"artifact {reference} not found in {found.Name}").WriteAsync(context);
            return null;
        }
        return (grant, artifact);
    }
}
