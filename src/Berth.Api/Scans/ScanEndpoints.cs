using System.Text.Json;
using System.Text.Json.Nodes;
using Berth.Access.Roles;
using Berth.Api.Http;
using Berth.Api.Projects;
using Berth.Api.Repositories;
using Berth.Metadata.Artifacts;
using Berth.Metadata.Scanners;
using Berth.Metadata.Scans;
using Berth.Scanning.Reports.Formats;
using Berth.Scanning.Reports.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.Scans;

/// <summary>
/// Harbor's scanning calls on one artifact: scan it, stop its scan, its vulnerabilities and SBOM additions, the scan
/// log. Scans run in the background; these calls queue them and read what they stored. Scan-all is
/// <see cref="ScanAllEndpoints"/>.
/// </summary>
public sealed class ScanEndpoints(
    ProjectGate gate, RepositoryPath paths, IArtifactQueries queries, IScanReportStore reports, IScanScheduler scheduler)
{
    private const string Artifact = "/projects/{project}/repositories/{repository}/artifacts/{reference}";

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost(Artifact + "/scan", ScanAsync);
        api.MapPost(Artifact + "/scan/stop", StopAsync);
        api.MapGet(Artifact + "/additions/vulnerabilities", VulnerabilitiesAsync);
        api.MapGet(Artifact + "/additions/sbom", SbomAsync);
        api.MapGet(Artifact + "/scan/{reportId}/log", LogAsync);
    }

    private async Task ScanAsync(HttpContext context, string project, string repository, string reference)
    {
        var resource = await ScanResourceAsync(context);
        if (resource is null) return;
        var artifact = await ArtifactAsync(context, project, repository, reference, new Permission(resource, Actions.Create));
        if (artifact is null) return;
        var scheduled = await scheduler.ScheduleAsync(artifact.RepositoryName, artifact.Digest.ToString(), context.RequestAborted);
        if (!scheduled.Accepted)
        {
            await new HarborError(StatusCodes.Status422UnprocessableEntity, "UNPROCESSABLE_ENTITY", scheduled.NotScannable!).WriteAsync(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    /// <summary>
    /// Harbor's stop: 202 once the artifact's Pending or Running scan is Stopped (a running one is cancelled); 202 with
    /// nothing changed when its last scan had finished; 404 when it was never scanned. Needs scan (or sbom) stop, which
    /// project administrators and maintainers have.
    /// </summary>
    private async Task StopAsync(HttpContext context, string project, string repository, string reference)
    {
        var resource = await ScanResourceAsync(context);
        if (resource is null) return;
        var artifact = await ArtifactAsync(context, project, repository, reference, new Permission(resource, Actions.Stop));
        if (artifact is null) return;
        var stop = await scheduler.StopAsync(artifact.RepositoryName, artifact.Digest.ToString(), context.RequestAborted);
        if (!stop.Found)
        {
            await HarborError.NotFound(stop.NotFound!).WriteAsync(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    /// <summary>
    /// The permission resource of the optional <c>{"scan_type":…}</c> body: scan, or sbom. Null after answering 400.
    /// An SBOM is the inventory the vulnerability scan reads, so both scan types act on the same scan.
    /// </summary>
    private static async Task<string?> ScanResourceAsync(HttpContext context)
    {
        // The body is optional (Harbor's clients send none for a vulnerability scan).
        if (context.Request.ContentLength is 0 || (context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count == 0))
            return Resources.Scan;
        var (request, error) = await ApiJson.ReadAsync<ScanTypeRequest>(context);
        var scanType = request?.ScanType ?? ScanTypeRequest.Vulnerability;
        if (error is null && scanType is not (ScanTypeRequest.Vulnerability or ScanTypeRequest.Sbom))
            error = HarborError.BadRequest($"scan_type '{scanType}' is not supported; use \"vulnerability\" or \"sbom\"");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return null;
        }
        return scanType == ScanTypeRequest.Sbom ? Resources.Sbom : Resources.Scan;
    }

    /// <summary><c>{"&lt;report media type&gt;": report}</c>, or <c>{}</c> when there is no finished report (or the caller accepts none Berth has).</summary>
    private async Task VulnerabilitiesAsync(HttpContext context, string project, string repository, string reference)
    {
        var artifact = await ArtifactAsync(context, project, repository, reference, new Permission(Resources.ArtifactAddition, Actions.Read));
        if (artifact is null) return;
        var stored = AcceptedReports.AcceptsHarborReport(context.Request)
            ? await reports.FindDocumentAsync(artifact.Digest.ToString(), context.RequestAborted)
            : null;
        // A report from an external scanner is stored as the adapter wrote it, and served as it is.
        if (stored is not null && ExternalReportDocument.TryUnwrap(stored.Document, out _, out var external))
        {
            await ApiJson.WriteAsync(context, new Dictionary<string, JsonNode> { [HarborVulnerabilityReport.ReportMediaType] = external });
            return;
        }
        var report = stored is null ? null : ScanReportDocument.Deserialize(stored.Document, out _);
        if (report is null)
        {
            await ApiJson.WriteAsync(context, new Dictionary<string, object>());
            return;
        }
        var tag = artifact.Tags.Count > 0 ? artifact.Tags[0].Name : null;
        var scanner = stored!.Report.ScannerName is { } name ? new HarborScanner(name, HarborScanner.Berth.Vendor, stored.Report.ScannerVersion ?? "") : null;
        var document = HarborVulnerabilityReport.Build(report,
            new HarborReportContext(artifact.RepositoryName, tag, artifact.MediaType, artifact.Digest.ToString()), scanner);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body,
            new Dictionary<string, HarborReportDocument> { [HarborVulnerabilityReport.ReportMediaType] = document }, HarborJson.Options, context.RequestAborted);
    }

    /// <summary>
    /// The SBOM rendered from the stored report: SPDX 2.3 JSON (what Harbor's Trivy produces) unless
    /// <c>?media_type=</c> or <c>Accept</c> asks for CycloneDX; 404 when there is no finished scan with an inventory.
    /// </summary>
    private async Task SbomAsync(HttpContext context, string project, string repository, string reference)
    {
        var artifact = await ArtifactAsync(context, project, repository, reference, new Permission(Resources.ArtifactAddition, Actions.Read));
        if (artifact is null) return;
        var format = SbomMediaTypes.Choose(context.Request);
        if (format is null)
        {
            await HarborError.BadRequest($"the SBOM is served as {SbomMediaTypes.Served}").WriteAsync(context);
            return;
        }
        var stored = await reports.FindDocumentAsync(artifact.Digest.ToString(), context.RequestAborted);
        // An external scanner's report holds findings only, no inventory to render.
        var report = stored is null || ExternalReportDocument.TryUnwrap(stored.Document, out _, out _)
            ? null
            : ScanReportDocument.Deserialize(stored.Document, out _);
        if (report is null)
        {
            await HarborError.NotFound($"no SBOM for artifact {reference} of {artifact.RepositoryName}: it has no finished scan").WriteAsync(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = format.MediaType;
        await format.WriteAsync(report, context.Response.Body, context.RequestAborted);
    }

    /// <summary>Harbor's scan log: plain text saying how the scan of that report id went, and why it failed if it did.</summary>
    private async Task LogAsync(HttpContext context, string project, string repository, string reference, string reportId)
    {
        var artifact = await ArtifactAsync(context, project, repository, reference, new Permission(Resources.Scan, Actions.Read));
        if (artifact is null) return;
        var report = await reports.FindAsync(artifact.Digest.ToString(), context.RequestAborted);
        if (report is null || !string.Equals(report.ReportId, reportId, StringComparison.Ordinal))
        {
            await HarborError.NotFound($"scan report {reportId} not found for artifact {reference} of {artifact.RepositoryName}").WriteAsync(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(ScanLog.Of(report), context.RequestAborted);
    }

    /// <summary>The artifact a tag or digest names, or null after writing 401, 403 or 404.</summary>
    private async Task<ArtifactRecord?> ArtifactAsync(HttpContext context, string project, string repository, string reference, Permission permission)
    {
        var grant = await gate.AuthorizeAsync(context, project, permission);
        if (grant is null) return null;
        var found = await paths.FindAsync(context, grant, repository);
        if (found is null) return null;
        var artifact = await queries.FindArtifactAsync(found.Id, reference, context.RequestAborted);
        if (artifact is null) await HarborError.NotFound($"artifact {reference} not found in {found.Name}").WriteAsync(context);
        return artifact;
    }
}
