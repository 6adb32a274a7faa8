using Berth.Access.Tokens;
using Berth.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Berth.Api.System;

/// <summary><c>/api/v2.0/health</c>, <c>/ping</c> and <c>/systeminfo</c>, open to everyone as in Harbor.</summary>
public sealed class SystemEndpoints(TokenOptions tokens)
{
    public static string Version { get; } = typeof(SystemEndpoints).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/ping", () => Results.Text("Pong"));
        api.MapGet("/health", (HttpContext context) => ApiJson.WriteAsync(context, new
        {
            status = "healthy",
            components = new[] { new { name = "core", status = "healthy" }, new { name = "database", status = "healthy" }, new { name = "registry", status = "healthy" } },
        }));
        api.MapGet("/systeminfo", (HttpContext context) => ApiJson.WriteAsync(context, new
        {
            harbor_version = $"berth-{Version}",
            auth_mode = "db_auth",
            primary_auth_mode = true,
            project_creation_restriction = "everyone",
            self_registration = false,
            has_ca_root = false,
            read_only = false,
            registry_url = context.Request.Host.ToString(),
            external_url = $"{context.Request.Scheme}://{context.Request.Host}",
            registry_storage_provider_name = "filesystem",
            current_time = DateTimeOffset.UtcNow,
            token_service = tokens.Service,
        }));
    }
}
