using Berth.Access.Tokens;
using Microsoft.AspNetCore.Http;

namespace Berth.Registry.Access;

/// <summary>
/// The <c>WWW-Authenticate</c> answer that sends Docker clients to the token service:
/// <c>Bearer realm="&lt;external URL&gt;/service/token",service="…",scope="repository:name:pull,push"</c>.
/// </summary>
public sealed class RegistryChallenge(TokenOptions tokens, string? externalUrl)
{
    public void Write(HttpContext context, string? scope)
    {
        var realm = $"{ExternalUrl(context.Request)}/service/token";
        var header = $"Bearer realm=\"{realm}\",service=\"{tokens.Service}\"";
        if (scope is not null) header += $",scope=\"{scope}\"";
        context.Response.Headers.WWWAuthenticate = header;
    }

    /// <summary>The configured external URL, else the address the client used to reach us.</summary>
    public string ExternalUrl(HttpRequest request) =>
        string.IsNullOrEmpty(externalUrl) ? $"{request.Scheme}://{request.Host}" : externalUrl.TrimEnd('/');
}
