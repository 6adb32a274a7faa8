using System.Text.Json;
using Berth.Api.Http;
using Berth.Metadata.Scanners;
using Berth.Scanning.Reports.Formats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.ScannerAdapter.Registrations;

/// <summary>
/// <c>/api/v2.0/scanners</c>: register external scanner adapters (such as harbor-scanner-trivy, or another Berth),
/// read, change and delete them, choose the system default, ping an adapter and read its metadata. System
/// administrators only, as in Harbor. Berth's built-in scanner is listed too and can be made the default, not changed.
/// </summary>
public sealed class ScannerRegistrationEndpoints(
    IScannerRegistrationStore registrations, ScannerRegistrationViews views, IScannerAdapterProbe probe, AdapterMetadata builtInMetadata,
    ApiCaller callers, TimeProvider clock)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/scanners", ListAsync);
        api.MapPost("/scanners", CreateAsync);
        api.MapPost("/scanners/ping", PingAsync);
        api.MapGet("/scanners/{id}", GetAsync);
        api.MapPut("/scanners/{id}", UpdateAsync);
        api.MapDelete("/scanners/{id}", DeleteAsync);
        api.MapMethods("/scanners/{id}", ["PATCH"], SetDefaultAsync);
        api.MapGet("/scanners/{id}/metadata", MetadataAsync);
    }

    private async Task ListAsync(HttpContext context)
    {
        if (!await AdministratorAsync(context)) return;
        await ApiJson.WriteAsync(context, await views.ListAsync(context.RequestAborted));
    }

    private async Task GetAsync(HttpContext context, string id)
    {
        if (!await AdministratorAsync(context)) return;
        if (await views.FindAsync(id, context.RequestAborted) is { } found) await ApiJson.WriteAsync(context, found);
        else await NotFound(id).WriteAsync(context);
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (!await AdministratorAsync(context)) return;
        var request = await ReadAsync(context);
        if (request is null) return;
        var now = clock.GetUtcNow();
        var record = Record(Guid.NewGuid().ToString(), request, now, now);
        if (Conflict(await registrations.AddAsync(record, context.RequestAborted), record) is { } conflict)
        {
            await conflict.WriteAsync(context);
            return;
        }
        context.Response.Headers.Location = $"/api/v2.0/scanners/{record.Uuid}";
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    private async Task UpdateAsync(HttpContext context, string id)
    {
        if (!await AdministratorAsync(context) || !await ChangeableAsync(context, id)) return;
        var request = await ReadAsync(context);
        if (request is null) return;
        var existing = await registrations.FindAsync(id, context.RequestAborted);
        if (existing is null)
        {
            await NotFound(id).WriteAsync(context);
            return;
        }
        var record = Record(id, request, existing.CreatedAt, clock.GetUtcNow());
        var result = await registrations.UpdateAsync(record, context.RequestAborted);
        if (result == ScannerRegistrationWrite.NotFound) await NotFound(id).WriteAsync(context);
        else if (Conflict(result, record) is { } conflict) await conflict.WriteAsync(context);
        else context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task DeleteAsync(HttpContext context, string id)
    {
        if (!await AdministratorAsync(context) || !await ChangeableAsync(context, id)) return;
        var existing = await registrations.FindAsync(id, context.RequestAborted);
        if (existing is null)
        {
            await NotFound(id).WriteAsync(context);
            return;
        }
        if (existing.IsDefault)
        {
            await HarborError.Forbidden($"scanner {existing.Name} is the system default; make another the default before deleting it").WriteAsync(context);
            return;
        }
        await registrations.DeleteAsync(id, context.RequestAborted);
        await ApiJson.WriteAsync(context, ScannerRegistrationViews.Of(existing));
    }

    private async Task SetDefaultAsync(HttpContext context, string id)
    {
        if (!await AdministratorAsync(context)) return;
        var (request, error) = await ApiJson.ReadAsync<DefaultScannerRequest>(context);
        if (error is null && request!.IsDefault is null) error = HarborError.BadRequest("is_default is required");
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var found = await views.FindAsync(id, context.RequestAborted);
        if (found is null)
        {
            await NotFound(id).WriteAsync(context);
            return;
        }
        if (request!.IsDefault == true)
            await registrations.SetDefaultAsync(id == ScannerRegistrationRecord.BuiltInUuid ? null : id, context.RequestAborted);
        else if (found.IsDefault && id != ScannerRegistrationRecord.BuiltInUuid)
            // Something is always the default: unsetting a registration hands the role back to Berth's own scanner.
            await registrations.SetDefaultAsync(null, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task PingAsync(HttpContext context)
    {
        if (!await AdministratorAsync(context)) return;
        var request = await ReadAsync(context, requireName: false);
        if (request is null) return;
        var now = clock.GetUtcNow();
        await ProbeAsync(context, Record("", request with { Name = request.Name ?? "ping" }, now, now));
    }

    private async Task MetadataAsync(HttpContext context, string id)
    {
        if (!await AdministratorAsync(context)) return;
        if (id == ScannerRegistrationRecord.BuiltInUuid)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(context.Response.Body, await builtInMetadata.BuildAsync(context.RequestAborted), HarborJson.Options, context.RequestAborted);
            return;
        }
        if (await registrations.FindAsync(id, context.RequestAborted) is { } registration) await ProbeAsync(context, registration);
        else await NotFound(id).WriteAsync(context);
    }

    /// <summary>Answers with the adapter's metadata as it sent it, or 400 saying why it could not be read.</summary>
    private async Task ProbeAsync(HttpContext context, ScannerRegistrationRecord registration)
    {
        var (metadata, error) = await probe.GetMetadataAsync(registration, context.RequestAborted);
        if (metadata is null)
        {
            await HarborError.BadRequest(error ?? "the adapter did not answer").WriteAsync(context);
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(metadata, context.RequestAborted);
    }

    private async Task<ScannerRegistrationRequest?> ReadAsync(HttpContext context, bool requireName = true)
    {
        var (request, error) = await ApiJson.ReadAsync<ScannerRegistrationRequest>(context);
        if (error is null)
        {
            var checkedRequest = requireName ? request! : request! with { Name = request.Name ?? "ping" };
            if (checkedRequest.Validate() is { } invalid) error = HarborError.BadRequest(invalid);
        }
        if (error is null) return request;
        await error.WriteAsync(context);
        return null;
    }

    /// <summary>False, after writing 403, for Berth's built-in scanner, which has no settings to change.</summary>
    private static async Task<bool> ChangeableAsync(HttpContext context, string id)
    {
        if (id != ScannerRegistrationRecord.BuiltInUuid) return true;
        await HarborError.Forbidden("Berth's built-in scanner cannot be changed or deleted").WriteAsync(context);
        return false;
    }

    private static ScannerRegistrationRecord Record(string uuid, ScannerRegistrationRequest r, DateTimeOffset created, DateTimeOffset updated) => new(
        uuid, r.Name!.Trim(), r.Description ?? "", r.Url!.Trim().TrimEnd('/'), r.Auth ?? "", r.AccessCredential ?? "",
        r.SkipCertVerify ?? false, r.UseInternalAddr ?? false, r.Disabled ?? false, false, created, updated);

    private static HarborError? Conflict(ScannerRegistrationWrite result, ScannerRegistrationRecord record) => result switch
    {
        ScannerRegistrationWrite.NameTaken => HarborError.Conflict($"a scanner named {record.Name} is registered already"),
        ScannerRegistrationWrite.UrlTaken => HarborError.Conflict($"a scanner at {record.Url} is registered already"),
        _ => null,
    };

    private static HarborError NotFound(string id) => HarborError.NotFound($"scanner registration {id} not found");

    private async Task<bool> AdministratorAsync(HttpContext context)
    {
        var (_, error) = await callers.IdentifyAdministratorAsync(context, "manage scanners");
        if (error is null) return true;
        await error.WriteAsync(context);
        return false;
    }
}
