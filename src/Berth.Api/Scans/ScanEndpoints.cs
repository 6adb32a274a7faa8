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
/// Harbor's scanning calls: scan one artifact, its vulnerabilities addition, scan all (administrators), and the
/// scan metrics. Scans run in the background; these calls queue them and read what they stored.
/// </summary>
public sealed class ScanEndpoints(
    ProjectGate gate, RepositoryPath paths, IArtifactQueries queries, IScanReportStore reports, IScanScheduler scheduler, ApiCaller callers)
{
    private const string Artifact = "/projects/{project}/repositories/{repository}/artifacts/{reference}";

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost(Artifact + "/scan", ScanAsync);
        api.MapGet(Artifact + "/additions/vulnerabilities", VulnerabilitiesAsync);
        api.MapGet(Artifact + "/additions/sbom", SbomAsync);
        api.MapGet(Artifact + "/scan/{reportId}/log", LogAsync);
        api.MapPost("/system/scanAll/schedule", ScanAllAsync);
        api.MapGet("/scans/all/metrics", MetricsAsync);
        api.MapGet("/scans/schedule/metrics", MetricsAsync);
    }

    private async Task ScanAsync(HttpContext context, string project, string repository, string reference)
    {
        var scanType = ScanTypeRequest.Vulnerability;
        // The body is optional (Harbor's clients send none for a vulnerability scan).
        if (context.Request.ContentLength is not 0 && (context.Request.ContentLength is not null || context.Request.Headers.TransferEncoding.Count > 0))
        {
            var (request, error) = await ApiJson.ReadAsync<ScanTypeRequest>(context);
            scanType = request?.ScanType ?? ScanTypeRequest.Vulnerability;
            if (error is null && scanType is not (ScanTypeRequest.Vulnerability or ScanTypeRequest.Sbom))
                error = HarborError.BadRequest($"scan_type '{scanType}' is not supported; use \"vulnerability\" or \"sbom\"");
            if (error is not null)
            {
                await error.WriteAsync(context);
                return;
            }
        }
        // An SBOM is the inventory the vulnerability scan reads, so both scan types queue the same scan.
        var resource = scanType == ScanTypeRequest.Sbom ? Resources.Sbom : Resources.Scan;
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
            await HarborError.BadRequest($"the SBOM is served as {SbomMediaTypes.SpdxJson} or {SbomMediaTypes.CycloneDxJson}").WriteAsync(context);
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

    private async Task ScanAllAsync(HttpContext context)
    {
        if (await AdministratorAsync(context, "scan all artifacts") is not true) return;
        var (request, error) = await ApiJson.ReadAsync<ScanAllRequest>(context);
        var type = request?.Schedule?.Type;
        if (error is null && !string.Equals(type, "Manual", StringComparison.Ordinal))
            error = HarborError.BadRequest($"schedule type '{type}' is not supported; Berth runs scan all on request: {{\"schedule\":{{\"type\":\"Manual\"}}}}");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        await scheduler.ScheduleAllAsync(context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    private async Task MetricsAsync(HttpContext context)
    {
        if (await AdministratorAsync(context, "read scan metrics") is not true) return;
        var counts = await reports.CountByStatusAsync(context.RequestAborted);
        int Count(string status) => counts.GetValueOrDefault(status);
        await ApiJson.WriteAsync(context, new ScanMetricsJson(
            counts.Values.Sum(),
            Count(ScanStatus.Success) + Count(ScanStatus.Error) + Count(ScanStatus.Stopped),
            counts,
            Count(ScanStatus.Pending) + Count(ScanStatus.Running) > 0,
            "Manual"));
    }

    /// <summary>True for a system administrator; otherwise writes 401 or 403 and returns false.</summary>
    private async Task<bool> AdministratorAsync(HttpContext context, string purpose)
    {
        var (principal, error) = await callers.IdentifySignedInAsync(context, purpose);
        if (error is null && !principal!.IsSystemAdmin) error = HarborError.Forbidden($"only system administrators may {purpose}");
        if (error is null) return true;
        await error.WriteAsync(context);
        return false;
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
