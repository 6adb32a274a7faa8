using Berth.Core;
using Berth.Core.Errors;
using Berth.Registry.Access;
using Berth.Registry.Endpoints;
using Berth.Registry.Http;
using Berth.Registry.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Berth.Registry;

/// <summary>
/// The /v2 request path: parse the route, check the name, ask <see cref="IRegistryAccess"/>, run the
/// endpoint, and turn its error (or an unexpected exception) into the spec's JSON. Endpoints return
/// errors as values and never write them themselves.
/// </summary>
public sealed partial class RegistryDispatcher(
    IRegistryAccess access,
    BlobEndpoint blobs,
    UploadEndpoint uploads,
    ManifestEndpoint manifests,
    ListingEndpoint listings,
    ReferrersEndpoint referrers,
    ILogger<RegistryDispatcher> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[RegistryHeaders.ApiVersion] = RegistryHeaders.ApiVersionValue;
        OciError? error;
        try
        {
            error = await DispatchAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            LogClientGone(logger, context.Request.Method, context.Request.Path);
            return;
        }
        catch (Exception e)
        {
            LogUnhandled(logger, e, context.Request.Method, context.Request.Path);
            error = OciErrorCode.Internal.With("the registry failed to handle the request; see its log");
        }
        if (error is not null) await OciErrorResponse.WriteAsync(context, error);
    }

    private async Task<OciError?> DispatchAsync(HttpContext context)
    {
        var route = RegistryRoute.Parse(context.Request.Path.Value);
        if (route is null) return OciErrorCode.NameInvalid.With($"'{context.Request.Path}' is not a path of the distribution API", 404);
        if (route.Kind is not (RouteKind.Base or RouteKind.Catalog) && !RepositoryName.IsValid(route.Name))
        {
            return OciErrorCode.NameInvalid.With(
                $"'{route.Name}' is not a valid repository name: lower-case letters, digits and separators (. _ __ -) in '/'-separated components",
                detail: new { name = route.Name });
        }

        var method = context.Request.Method;
        var needed = RequiredAccess(route, method, context.Request.Query);
        if (needed is null) return OciErrorCode.Unsupported.With($"{method} is not supported on {context.Request.Path}");
        var denied = await access.AuthorizeAsync(context, needed);
        if (denied is not null) return denied;

        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        return route.Kind switch
        {
            RouteKind.Base => await WriteBaseAsync(context),
            RouteKind.Catalog => await listings.CatalogAsync(context),
            RouteKind.Tags => await listings.TagsAsync(context, route.Name),
            RouteKind.Referrers => await referrers.GetAsync(context, route.Name, route.Reference),
            RouteKind.Manifest when isRead => await manifests.GetAsync(context, route.Name, route.Reference),
            RouteKind.Manifest when HttpMethods.IsPut(method) => await manifests.PutAsync(context, route.Name, route.Reference),
            RouteKind.Manifest => await manifests.DeleteAsync(context, route.Name, route.Reference),
            RouteKind.Blob when isRead => await blobs.GetAsync(context, route.Name, route.Reference),
            RouteKind.Blob => await blobs.DeleteAsync(context, route.Name, route.Reference),
            RouteKind.UploadStart => await uploads.StartAsync(context, route.Name),
            RouteKind.Upload when HttpMethods.IsPatch(method) => await uploads.PatchAsync(context, route.Name, route.Reference),
            RouteKind.Upload when HttpMethods.IsPut(method) => await uploads.PutAsync(context, route.Name, route.Reference),
            RouteKind.Upload when HttpMethods.IsGet(method) => await uploads.StatusAsync(context, route.Name, route.Reference),
            RouteKind.Upload => await uploads.CancelAsync(context, route.Name, route.Reference),
            _ => OciErrorCode.Unsupported.Default(),
        };
    }

    /// <summary>The permissions a request needs, or null when the method is not allowed on the route.</summary>
    private static RegistryAccessRequest[]? RequiredAccess(RegistryRoute route, string method, IQueryCollection query)
    {
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var isDelete = HttpMethods.IsDelete(method);
        var isWrite = HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsPost(method);
        var push = new RegistryAccessRequest(route.Name, RegistryAction.Pull | RegistryAction.Push);
        return route.Kind switch
        {
            RouteKind.Base when isRead => [],
            // Anyone may ask; the listing holds only what the caller may see.
            RouteKind.Catalog when isRead => [new RegistryAccessRequest(null, RegistryAction.Catalog)],
            RouteKind.Tags or RouteKind.Referrers when isRead => [new RegistryAccessRequest(route.Name, RegistryAction.Pull)],
            RouteKind.Manifest or RouteKind.Blob when isRead => [new RegistryAccessRequest(route.Name, RegistryAction.Pull)],
            RouteKind.Manifest or RouteKind.Blob when isDelete => [new RegistryAccessRequest(route.Name, RegistryAction.Delete)],
            RouteKind.Manifest when HttpMethods.IsPut(method) => [push],
            RouteKind.UploadStart when HttpMethods.IsPost(method) => query.TryGetValue("from", out var from) && from.ToString().Length > 0
                ? [push, new RegistryAccessRequest(from.ToString(), RegistryAction.Pull)]
                : [push],
            RouteKind.Upload when isWrite || isDelete || HttpMethods.IsGet(method) => [push],
            _ => null,
        };
    }

    private static async Task<OciError?> WriteBaseAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 2;
        if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync("{}"u8.ToArray(), context.RequestAborted);
        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "client went away during {Method} {Path}")]
    private static partial void LogClientGone(ILogger logger, string method, string path);
}
