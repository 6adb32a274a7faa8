using System.Text.Json;
using Berth.Access.Authorization;
using Berth.Access.Tokens;
using Berth.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Berth.Api.Tokens;

/// <summary>
/// <c>GET /service/token</c>, Docker's token protocol: authenticate the caller (Basic, or anonymous), grant
/// each requested scope the actions the caller holds, and answer with a signed JWT.
/// </summary>
public sealed class TokenEndpoint(ApiCaller callers, ScopeAuthorizer authorizer, TokenService tokens)
{
    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var service = query["service"].ToString();
        if (service.Length > 0 && service != tokens.Options.Service)
        {
            await HarborError.BadRequest($"unknown service '{service}'; this registry is '{tokens.Options.Service}'").WriteAsync(context);
            return;
        }

        var (principal, error) = await callers.IdentifyAsync(context);
        if (error is not null)
        {
            await error.WriteAsync(context);
            return;
        }
        var requested = AccessEntry.ParseScopes(query["scope"]);
        // What makes `docker login` with no or wrong credentials fail: an anonymous caller asking for nothing.
        if (!principal!.IsAuthenticated && requested.Count == 0)
        {
            await HarborError.Unauthorized("authentication required").WriteAsync(context);
            return;
        }

        var granted = await authorizer.AuthorizeAsync(principal, requested, context.RequestAborted);
        var issued = tokens.Issue(principal.IsAuthenticated ? principal.Name : "", granted);
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            token = issued.Token,
            access_token = issued.Token,
            expires_in = issued.ExpiresInSeconds,
            issued_at = issued.IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        }, cancellationToken: context.RequestAborted);
    }
}
