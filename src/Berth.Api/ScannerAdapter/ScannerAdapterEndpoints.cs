using System.Globalization;
using System.Text.Json;
using Berth.Scanning.Reports.Formats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Berth.Api.ScannerAdapter;

/// <summary>
/// Harbor's Pluggable Scanner Adapter API (spec v1.2) under <c>/api/v1</c>, so a Harbor can register Berth as its
/// scanner: metadata, scan requests (pulled from the request's registry), and reports (vulnerability, or an SPDX or
/// CycloneDX SBOM, all from one scan of the image), 302 with <c>Refresh-After</c> until ready. Every call needs <see cref="ScannerAdapterOptions.ApiKey"/>.
/// </summary>
public sealed class ScannerAdapterEndpoints(
    AdapterScanStore store, AdapterScanRunner runner, AdapterMetadata metadata, IOptions<ScannerAdapterOptions> options, TimeProvider clock)
{
    public const string Prefix = "/api/v1";

    private readonly AdapterApiKey _key = new(options.Value.ApiKey ?? "");

    public void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        api.MapGet("/metadata", MetadataAsync);
        api.MapPost("/scan", ScanAsync);
        api.MapGet("/scan/{id}/report", ReportAsync);
    }

    private async Task MetadataAsync(HttpContext context)
    {
        if (!await AuthorizedAsync(context)) return;
        var type = AdapterMediaTypes.Negotiate(context.Request.Headers.Accept.ToString(), [AdapterMediaTypes.Metadata11, AdapterMediaTypes.Metadata10])
            ?? AdapterMediaTypes.Metadata11;
        context.Response.ContentType = type;
        await JsonSerializer.SerializeAsync(context.Response.Body, await metadata.BuildAsync(context.RequestAborted), HarborJson.Options, context.RequestAborted);
    }

    private async Task ScanAsync(HttpContext context)
    {
        if (!await AuthorizedAsync(context)) return;
        var (request, error) = await ScanRequestReader.ReadAsync(context);
        if (request is null)
        {
            await error!.WriteAsync(context);
            return;
        }
        var (accepted, invalid) = ScanRequestReader.Check(request);
        if (accepted is null)
        {
            await invalid!.WriteAsync(context);
            return;
        }
        // Queued scans live as long as the longest scan could take plus a report's lifetime, so none is lost while waiting.
        var scan = new AdapterScan(Guid.NewGuid().ToString(), accepted.Image, accepted.Artifact, accepted.Capabilities,
            AdapterScanState.Queued, null, null, clock.GetUtcNow() + options.Value.ScanTimeout + options.Value.ReportLifetime);
        if (!store.TryAdd(scan))
        {
            await new AdapterError(StatusCodes.Status500InternalServerError,
                $"Berth holds {options.Value.MaxScans} adapter scans already; try again when some have finished").WriteAsync(context);
            return;
        }
        runner.Enqueue(scan);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = AdapterMediaTypes.ScanResponse;
        await JsonSerializer.SerializeAsync(context.Response.Body, new Dictionary<string, string> { ["id"] = scan.Id }, HarborJson.Options, context.RequestAborted);
    }

    private async Task ReportAsync(HttpContext context, string id)
    {
        if (!await AuthorizedAsync(context)) return;
        var (choice, unfit) = AdapterReportChoice.Of(context.Request);
        if (choice is null)
        {
            await unfit!.WriteAsync(context);
            return;
        }
        var scan = store.Find(id);
        if (scan is null)
        {
            await AdapterError.NotFound($"there is no scan request {id} (it may have expired); request the scan again").WriteAsync(context);
            return;
        }
        // Checked before the state, so a poll for a report the scan will never have fails at once instead of after it.
        if (choice.RefusedBy(scan) is { } notEnabled)
        {
            await notEnabled.WriteAsync(context);
            return;
        }
        switch (scan.State)
        {
            case AdapterScanState.Queued or AdapterScanState.Running:
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers["Refresh-After"] = ((int)options.Value.RefreshAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return;
            case AdapterScanState.Failed:
                await new AdapterError(StatusCodes.Status500InternalServerError, scan.Error ?? "the scan failed").WriteAsync(context);
                return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = choice.MediaType;
        if (choice.SbomDocument is { } document)
        {
            await new HarborSbomReport(document, scan.Artifact, HarborScanner.Berth).WriteAsync(scan.Report!, context.Response.Body, context.RequestAborted);
            return;
        }
        await JsonSerializer.SerializeAsync(context.Response.Body, HarborVulnerabilityReport.Build(scan.Report!, scan.Artifact, HarborScanner.Berth),
            HarborJson.Options, context.RequestAborted);
    }

    private async Task<bool> AuthorizedAsync(HttpContext context)
    {
        if (_key.Allows(context.Request)) return true;
        await new AdapterError(StatusCodes.Status401Unauthorized,
            "the scanner adapter API needs its key: Authorization: Bearer KEY, or the X-ScannerAdapter-API-Key header").WriteAsync(context);
        return false;
    }
}
