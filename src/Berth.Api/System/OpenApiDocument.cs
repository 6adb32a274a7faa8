using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.System;

/// <summary>
/// <c>GET /api/v2.0/openapi.json</c>: an OpenAPI 3 document of the API, built from the routes the server
/// actually maps, so it can never list a path that does not exist or miss one that does. Bodies follow
/// Harbor's swagger, whose field names the endpoints use.
/// </summary>
public sealed class OpenApiDocument(EndpointDataSource endpoints)
{
    public const string Prefix = "/api/v2.0";

    public Task WriteAsync(HttpContext context)
    {
        var paths = new JsonObject();
        var routes = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(Prefix, StringComparison.Ordinal) == true)
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var template = route.RoutePattern.RawText![Prefix.Length..];
            var path = string.Join('/', template.Split('/').Select(segment => segment.StartsWith('{') ? $"{{{ParameterName(segment)}}}" : segment));
            if (paths[path] is not JsonObject item)
            {
                item = new JsonObject();
                paths[path] = item;
            }
            foreach (var method in route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                item[method.ToLowerInvariant()] = Operation(method, path, route.RoutePattern.Parameters.Select(p => p.Name));
            }
        }
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Berth API (Harbor-compatible)", ["version"] = SystemEndpoints.Version },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = Prefix }),
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["basic"] = new JsonObject { ["type"] = "http", ["scheme"] = "basic" } },
            },
            ["security"] = new JsonArray(new JsonObject { ["basic"] = new JsonArray() }),
            ["paths"] = paths,
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(document.ToJsonString(), context.RequestAborted);
    }

    private static JsonObject Operation(string method, string path, IEnumerable<string> parameters)
    {
        var list = new JsonArray();
        foreach (var name in parameters)
        {
            list.Add(new JsonObject
            {
                ["name"] = name,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }
        return new JsonObject
        {
            ["operationId"] = $"{method.ToLowerInvariant()}{string.Concat(path.Split('/', '{', '}', '-', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]))}",
            ["parameters"] = list,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "success (201 for creation)" },
                ["401"] = new JsonObject { ["description"] = "authentication required" },
                ["403"] = new JsonObject { ["description"] = "the caller lacks the permission" },
                ["404"] = new JsonObject { ["description"] = "not found" },
            },
        };
    }

    /// <summary><c>{userId:long}</c> → <c>userId</c>; <c>{**rest}</c> → <c>rest</c>.</summary>
    private static string ParameterName(string segment) => segment.Trim('{', '}', '*').Split(':')[0];
}
